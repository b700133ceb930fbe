"""Issue 15: the working methods exist in French, clause by clause, and each revision is
bilingual: the history lists both texts' publications and says when the French has not yet
followed the English."""

import pytest
from wagtail.models import Locale

from network_pages.community.models import WorkingMethodsPage
from network_pages.community.site_setup import WORKING_METHODS_TEXT, working_methods_blocks
from network_pages.section_translations import FRENCH_WORKING_METHODS
from tests.conftest import sign_in

from .conftest import url_of
from .test_working_methods import clauses, revise

pytestmark = pytest.mark.django_db

PENDING = "Le texte français ne reflète pas encore la révision publiée le"


def french_of(page: WorkingMethodsPage) -> WorkingMethodsPage:
    return page.get_translation(Locale.objects.get(language_code="fr")).specific


def numbers(blocks: list[dict]) -> list[str]:
    return [b["value"]["number"] for b in blocks if b["type"] in ("section", "clause")]


def test_the_french_seed_has_every_clause_of_the_english_one_in_the_same_order():
    _date, english = working_methods_blocks(WORKING_METHODS_TEXT.read_text(encoding="utf-8"))
    _date, french = working_methods_blocks(FRENCH_WORKING_METHODS.read_text(encoding="utf-8"))

    assert numbers(french) == numbers(english)
    assert [b["type"] for b in french] == [b["type"] for b in english]


def test_the_french_page_holds_the_french_text_of_every_clause(working_methods):
    english, french = clauses(working_methods), clauses(french_of(working_methods))

    assert list(french) == list(english)
    assert all(french[number] != english[number] for number in english)
    assert "groupes thématiques" in french["4.8"]


def test_the_history_lists_the_publications_of_both_texts_each_in_its_language(
    client, working_methods, dmr_user, focal_point
):
    revise(working_methods, user=dmr_user, **{"4_9": "The DMR convenes the plenary."})
    revise(french_of(working_methods), user=dmr_user, **{"4_9": "La DMR convoque la plénière."})

    response = sign_in(client, focal_point).get(url_of(working_methods, "history/", language="fr"))

    versions = response.context["versions"]
    assert [version.language for version in versions[:2]] == ["fr", "en"]
    assert [change.label for change in versions[0].changes] == ["Disposition 4.9"]
    html = response.content.decode()
    assert "Texte français" in html and "Texte anglais" in html
    assert '<p class="change-text" lang="en">' in html
    assert PENDING not in html


def test_the_history_says_the_french_text_is_pending_after_an_english_revision(
    client, working_methods, dmr_user, focal_point
):
    revise(working_methods, user=dmr_user, **{"4_9": "The DMR convenes the plenary."})
    sign_in(client, focal_point)

    for language in ("en", "fr"):
        response = client.get(url_of(working_methods, "history/", language=language))
        assert [pending.language for pending in response.context["pending"]] == ["fr"]
    assert PENDING in response.content.decode()

    revise(french_of(working_methods), user=dmr_user, **{"4_9": "La DMR convoque la plénière."})

    assert client.get(url_of(working_methods, "history/")).context["pending"] == []
