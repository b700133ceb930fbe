"""3.3: both languages are approved jointly. The translator submits the French version
from its page; the review shows the original and the translation side by side."""

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from tests.conftest import sign_in
from tests.workflows.conftest import PRECAUTION, approve_by_model, edit_form_data, review_url
from workflows.factories import complete_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_draft(publish, dmr_editor, django_capture_on_commit_callbacks):
    english = publish(title="Reception of asylum seekers")
    with django_capture_on_commit_callbacks(execute=True):
        french = complete_translation(
            english,
            Locale.objects.get(language_code="fr"),
            lambda text: {"Reception of asylum seekers": "Accueil des demandeurs d'asile"}.get(
                text, text
            ),
            user=dmr_editor,
        )
    return Page.objects.get(pk=french.pk).specific


def submit_url(page) -> str:
    return f"/admin/joint-approval/submit-translation/{page.pk}/"


def test_the_translator_submits_the_french_version_from_its_page(client, french_draft, dmr_editor):
    sign_in(client, dmr_editor)

    header = client.get(f"/admin/pages/{french_draft.pk}/").content.decode()
    response = client.post(submit_url(french_draft))

    assert submit_url(french_draft) in header
    assert response.status_code == 302
    page = Page.objects.get(pk=french_draft.pk)
    assert page.workflow_in_progress
    assert not page.live


def test_the_review_shows_the_original_and_the_translation_side_by_side(
    client, french_draft, dmr_editor, approver
):
    sign_in(client, dmr_editor).post(submit_url(french_draft))
    task_state = Page.objects.get(pk=french_draft.pk).current_workflow_task_state

    html = sign_in(client, approver).get(review_url(task_state)).content.decode()

    assert "Side by side" in html
    assert '<td lang="en">Reception of asylum seekers</td>' in html
    assert "Accueil des demandeurs d&#x27;asile" in html


def test_the_french_version_is_public_once_both_parties_approved(
    client, french_draft, dmr_editor, approver, dmr_reviewer, django_capture_on_commit_callbacks
):
    sign_in(client, dmr_editor).post(submit_url(french_draft))
    task_state = Page.objects.get(pk=french_draft.pk).current_workflow_task_state

    approve_by_model(task_state, approver)
    assert not Page.objects.get(pk=french_draft.pk).live
    with django_capture_on_commit_callbacks(execute=True):
        approve_by_model(task_state, dmr_reviewer, **PRECAUTION)

    page = Page.objects.get(pk=french_draft.pk)
    assert page.live
    assert Client().get(page.url).status_code == 200


def test_a_new_version_of_a_public_page_is_reviewed_beside_the_public_version(
    client, publish, dmr_editor, approver
):
    page = publish(title="Approved title")
    data = edit_form_data(page, title="Proposed title")

    sign_in(client, dmr_editor).post(f"/admin/pages/{page.pk}/edit/", data)
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    html = sign_in(client, approver).get(review_url(task_state)).content.decode()

    assert "Public version" in html
    assert "Approved title" in html and "<strong>Proposed title</strong>" in html


@pytest.mark.parametrize("who", ["anonymous", "password_only", "focal_point"])
def test_submitting_a_translation_is_refused_to_who_may_not_edit_it(who, french_draft, focal_point):
    client = Client()
    if who == "password_only":
        sign_in(client, focal_point, verified=False)
    elif who == "focal_point":
        sign_in(client, focal_point)

    response = client.post(submit_url(french_draft))

    assert response.status_code in (302, 403)
    assert not Page.objects.get(pk=french_draft.pk).workflow_in_progress
