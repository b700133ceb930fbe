"""3.3: once public, a page gets a draft translation; it goes live only when translated."""

import pytest
from wagtail.models import Locale, Page, PageLogEntry

from home.models import PublicationIndexPage, PublicationPage
from network_pages.publication_drafts.models import PublicationDraftsPage
from tests.conftest import sign_in
from tests.workflows.conftest import PRECAUTION, approve_by_model, create_draft
from workflows.gate import acting_as_system

pytestmark = pytest.mark.django_db

ENGLISH_URL = "/en/publications/reception-of-asylum-seekers/"
REPORT = "/admin/joint-approval/waiting-for-translation/"


def french_version(page) -> PublicationPage:
    return page.get_translation(Locale.objects.get(language_code="fr")).specific


def test_the_public_page_gets_a_french_draft_that_is_not_live(publish):
    page = publish()

    french = french_version(page)
    assert not french.live
    assert isinstance(french.get_parent().specific, PublicationIndexPage)
    assert french.get_parent().locale.language_code == "fr"
    assert PageLogEntry.objects.filter(page=page, action="workflows.translations_requested")


def test_until_translated_the_switcher_leads_to_the_original_with_a_notice(client, publish):
    page = publish()

    english = client.get(ENGLISH_URL).content.decode()
    french = client.get(french_version(page).url)

    assert f'href="{ENGLISH_URL}?untranslated=fr"' in english
    assert 'hreflang="fr" href=' not in english
    assert french.status_code == 404
    notice = client.get(f"{ENGLISH_URL}?untranslated=fr").content.decode()
    assert 'class="notice"' in notice and 'lang="fr"' in notice


def test_once_translated_and_published_the_french_page_is_live(client, publish, translate):
    page = publish()

    french = translate(page)

    assert french.live
    assert french.title == "[FR] Reception of asylum seekers"
    response = client.get(french.url)
    assert response.status_code == 200
    assert "[FR] Reception of asylum seekers" in response.content.decode()
    english = client.get(ENGLISH_URL).content.decode()
    assert f'href="{french.url}" hreflang="fr"' in english


def test_the_report_lists_public_pages_waiting_for_translation(
    client, publish, translate, dmr_user
):
    waiting = publish(title="Still in English")
    done = publish(title="Already translated")
    translate(done)

    html = sign_in(client, dmr_user).get(REPORT).content.decode()

    assert "Still in English" in html
    assert f"/admin/pages/{french_version(waiting).pk}/edit/" in html
    assert "Already translated" not in html


def test_the_report_stays_within_its_query_budget(
    client, publish, dmr_user, django_assert_max_num_queries
):
    publish(title="One")
    publish(title="Two")
    sign_in(client, dmr_user).get(REPORT)

    with django_assert_max_num_queries(30):
        assert client.get(REPORT).status_code == 200


def test_a_page_drafted_in_french_goes_to_the_french_index_and_gets_an_english_draft(
    network, drafts, dmr_editor, approver, dmr_reviewer, django_capture_on_commit_callbacks
):
    french_network = network.get_translation(Locale.objects.get(language_code="fr"))
    with acting_as_system("site setup"):
        french_drafts = french_network.add_child(
            instance=PublicationDraftsPage(
                title="Brouillons", slug="brouillons", locale_id=french_network.locale_id
            )
        )
        french_drafts.save_revision().publish()
    page = create_draft(french_drafts, dmr_editor, title="Accueil des demandeurs d'asile")
    with django_capture_on_commit_callbacks(execute=True):
        task_state = drafts.get_workflow().start(page, dmr_editor).current_task_state
    approve_by_model(task_state, approver)

    with django_capture_on_commit_callbacks(execute=True):
        approve_by_model(task_state, dmr_reviewer, **PRECAUTION)

    page = Page.objects.get(pk=page.pk).specific
    assert page.live and page.url.startswith("/fr/publications/")
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert not english.live
    assert english.url_path.startswith("/home/publications/")
