"""Fixtures for the joint approval (3.3): the public indexes, Publication drafts with its
workflow, two DMR members (an editor and a reviewer) and a network approver."""

import pytest
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import PublicationPage
from home.site_setup import ensure_public_indexes
from network_pages import roles
from network_pages.factories import make_member
from network_pages.publication_drafts.setup import (
    ensure_joint_approval_workflow,
    ensure_publication_drafts,
)
from tests.conftest import PASSWORD, sign_in
from workflows.factories import complete_translation
from workflows.translation import submit_translation

DRAFT_MARKER = "MARKER-draft-publication-5e1d"


@pytest.fixture
def indexes(homes):
    return ensure_public_indexes(homes)


@pytest.fixture
def drafts(network, indexes):
    drafts = ensure_publication_drafts(network)
    ensure_joint_approval_workflow(drafts)
    return drafts


@pytest.fixture
def dmr_editor(db):
    return make_member("dmr_editor", groups=(roles.DMR_SECRETARIAT,), state=None, password=PASSWORD)


@pytest.fixture
def dmr_reviewer(db):
    return make_member(
        "dmr_reviewer", groups=(roles.DMR_SECRETARIAT,), state=None, password=PASSWORD
    )


@pytest.fixture
def second_approver(db):
    return make_member(
        "approver_pl",
        groups=(roles.FOCAL_POINTS, roles.NETWORK_APPROVERS),
        state="PL",
        password=PASSWORD,
    )


def create_draft(drafts, author, *, title="Reception of asylum seekers", body_html="", **fields):
    """A publication drafted (not published) under Publication drafts by `author`."""
    page = PublicationPage(
        title=title,
        intro=fields.pop("intro", f"Summary {DRAFT_MARKER}"),
        live=False,
        owner=author,
        locale_id=drafts.locale_id,
        body=[("paragraph", body_html)] if body_html else [],
        **fields,
    )
    drafts.add_child(instance=page)
    page.save_revision(user=author)
    return PublicationPage.objects.get(pk=page.pk)


def edit_form_data(page, *, action: str | None = "action-submit", **overrides) -> dict:
    """What the Wagtail page editor posts for a publication."""
    body = overrides.pop("body", [])
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "intro": page.intro,
            "document": page.document_id or "",
            "body": streamfield([("paragraph", rich_text(html)) for html in body]),
            "comments": inline_formset([]),
            **overrides,
        }
    )
    if action:
        data[action] = "1"
    return data


def submit(client, page, author):
    """The author submits the draft to the Joint approval through the page editor."""
    response = sign_in(client, author).post(f"/admin/pages/{page.pk}/edit/", edit_form_data(page))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Page.objects.get(pk=page.pk).specific.current_workflow_task_state


def review_url(task_state) -> str:
    return f"/admin/joint-approval/review/{task_state.pk}/"


def approve(client, user, task_state, **extra):
    """`user` approves through the review page; returns the response (a redirect on success)."""
    client = sign_in(client, user)
    page = Page.objects.get(pk=task_state.workflow_state.object_id)
    data = {
        "action": "approve",
        "revision_id": str(page.get_latest_revision().pk),
        **extra,
    }
    return client.post(review_url(task_state), data)


def approve_by_model(task_state, user, **extra):
    """The same approval, straight through the task (for tests about what follows)."""
    page = Page.objects.get(pk=task_state.workflow_state.object_id)
    return task_state.task.specific.record_approval(
        task_state, user, revision_id=page.get_latest_revision().pk, **extra
    )


def make_public(drafts, author, approver, reviewer, capture, **draft_fields):
    """A draft submitted by `author`, approved by both parties: returns the public page."""
    page = create_draft(drafts, author, **draft_fields)
    with capture(execute=True):
        task_state = drafts.get_workflow().start(page, author).current_task_state
    approve_by_model(task_state, approver)
    with capture(execute=True):
        approve_by_model(task_state, reviewer, **PRECAUTION)
    return Page.objects.get(pk=page.pk).specific


PRECAUTION = {
    "checklist": ["no_personal_data", "member_state_consent", "no_confidential_material"],
    "notes": "Checked against the minutes.",
}


@pytest.fixture
def publish(drafts, dmr_editor, approver, dmr_reviewer, django_capture_on_commit_callbacks):
    """publish(**fields): a publication that went through the whole joint approval."""

    def _publish(**fields):
        return make_public(
            drafts, dmr_editor, approver, dmr_reviewer, django_capture_on_commit_callbacks, **fields
        )

    return _publish


def approve_translation(page, translator, approver, reviewer, capture):
    """The translator submits the French version; both parties approve it (3.3)."""
    with capture(execute=True):
        task_state = submit_translation(page, translator).current_task_state
    approve_by_model(task_state, approver)
    with capture(execute=True):
        approve_by_model(task_state, reviewer, **PRECAUTION)
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def translate(django_capture_on_commit_callbacks, dmr_editor, approver, dmr_reviewer):
    """translate(page, "fr"): a translator completes the French version in wagtail-localize
    and submits it; the network and the DMR approve it jointly, which publishes it."""

    def _translate(page, language="fr", prefix="[FR] "):
        with django_capture_on_commit_callbacks(execute=True):
            translated = complete_translation(
                page,
                Locale.objects.get(language_code=language),
                lambda text: prefix + text,
                user=dmr_editor,
            )
        return approve_translation(
            Page.objects.get(pk=translated.pk).specific,
            dmr_editor,
            approver,
            dmr_reviewer,
            django_capture_on_commit_callbacks,
        )

    return _translate
