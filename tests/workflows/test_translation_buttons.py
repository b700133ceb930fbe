"""Issue 17: wagtail-localize's "Translate this page" and "Sync translated pages" buttons are
read once for the page explorer's listing (workflows/localize_buttons.py): the same buttons
as wagtail-localize's own function gives, and a listing that costs the same for one page or
five."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks

from tests.conftest import sign_in
from tests.workflows.conftest import create_draft
from workflows import localize_buttons

pytestmark = pytest.mark.django_db


def _buttons(function, page, user) -> set[tuple[str, str]]:
    return {
        (str(button.label), button.url) for button in function(page, user, next_url="/admin/pages/")
    }


@pytest.fixture
def translated(drafts, dmr_editor, publish):
    """A public page (wagtail-localize translates it into French), and a draft that nobody
    translated."""
    source = publish(title="Translated page")
    alone = create_draft(drafts, dmr_editor, title="Untranslated draft")
    return source, alone


def test_only_the_batched_buttons_answer_wagtail_localizes_hooks():
    for hook_name in localize_buttons.HOOKS:
        registered = hooks.get_hooks(hook_name)

        assert localize_buttons.translation_buttons in registered
        assert localize_hooks.page_listing_more_buttons not in registered


def test_the_buttons_are_wagtail_localizes_own_in_a_listing_and_alone(translated, dmr_editor):
    source, alone = translated
    french = source.get_translation(Locale.objects.get(language_code="fr"))
    pages = [source.pk, alone.pk, french.pk, alone.get_parent().pk]
    listed = localize_buttons.annotate(Page.objects.filter(pk__in=pages))

    for page in [*listed, *Page.objects.filter(pk__in=pages)]:
        fresh = Page.objects.get(pk=page.pk)
        assert _buttons(localize_buttons.translation_buttons, page, dmr_editor) == _buttons(
            localize_hooks.page_listing_more_buttons, fresh, dmr_editor
        )
    assert _buttons(localize_buttons.translation_buttons, source, dmr_editor) != set()
    assert _buttons(localize_buttons.translation_buttons, alone, dmr_editor) != set()


def test_the_explorer_offers_to_sync_a_translated_page_and_to_translate_the_other(
    client, translated, drafts, dmr_editor
):
    source, alone = translated
    sign_in(client, dmr_editor)
    public = client.get(f"/admin/pages/{source.get_parent().pk}/").content.decode()
    drafted = client.get(f"/admin/pages/{drafts.pk}/").content.decode()

    assert f"/admin/localize/submit/page/{alone.pk}/" in drafted
    assert f"/admin/localize/submit/page/{source.pk}/" not in public
    assert "/admin/localize/update/" in public


def test_the_explorer_costs_the_same_for_one_page_or_five(client, drafts, dmr_editor):
    create_draft(drafts, dmr_editor, title="Draft 0")
    sign_in(client, dmr_editor)
    url = f"/admin/pages/{drafts.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(1, 5):
        create_draft(drafts, dmr_editor, title=f"Draft {number}")
    client.get(url)
    with CaptureQueriesContext(connection) as five:
        client.get(url)

    assert len(five) == len(one)


def test_a_search_in_the_explorer_still_answers_with_the_buttons(
    client, translated, drafts, dmr_editor
):
    _source, alone = translated

    response = sign_in(client, dmr_editor).get(f"/admin/pages/{drafts.pk}/?q=Untranslated")

    assert response.status_code == 200
    assert f"/admin/localize/submit/page/{alone.pk}/" in response.content.decode()
