"""3.3: the network and the DMR decide jointly, through the admin's workflow views."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from home.models import PublicationIndexPage
from network_pages import roles
from tests.conftest import sign_in
from tests.workflows.conftest import (
    DRAFT_MARKER,
    PRECAUTION,
    approve,
    create_draft,
    edit_form_data,
    review_url,
    submit,
)
from workflows.models import Approval, JointApprovalTask, PrecautionReview, PublicRelease

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, drafts, dmr_editor):
    page = create_draft(drafts, dmr_editor)
    return page, submit(client, page, dmr_editor)


def reload(page):
    return Page.objects.get(pk=page.pk).specific


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_submitting_a_draft_starts_the_joint_approval_not_the_default_moderation(submitted):
    page, task_state = submitted

    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert isinstance(task_state.task.specific, JointApprovalTask)
    assert task_state.workflow_state.workflow.name == "Joint approval"
    assert reload(page).status_string == "in moderation"


def test_a_partial_approval_leaves_the_page_private(client, submitted, approver):
    page, task_state = submitted

    response = approve(client, approver, task_state)

    assert response.status_code == 302
    approval = Approval.objects.get()
    assert (approval.user, approval.party.name) == (approver, roles.NETWORK_APPROVERS)
    page = reload(page)
    assert not page.live
    assert page.get_parent().specific_class.__name__ == "PublicationDraftsPage"
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    client.logout()
    assert client.get("/en/publications/reception-of-asylum-seekers/").status_code == 404


def test_the_partial_approval_message_names_the_parties_still_waiting(client, submitted, approver):
    _page, task_state = submitted

    response = approve(client, approver, task_state)
    followed = client.get(response["Location"])

    assert (
        "Your approval for Network approvers is recorded. Still waiting for: DMR Secretariat."
        in messages_of(followed)
    )
    assert "Network approvers" in followed.content.decode()


def test_every_party_reaching_its_quorum_makes_the_page_public(
    client, submitted, approver, dmr_reviewer, django_capture_on_commit_callbacks
):
    page, task_state = submitted
    approve(client, approver, task_state)

    with django_capture_on_commit_callbacks(execute=True):
        response = approve(client, dmr_reviewer, task_state, **PRECAUTION)

    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.workflow_state.status == WorkflowState.STATUS_APPROVED
    page = reload(page)
    assert page.live
    assert isinstance(page.get_parent().specific, PublicationIndexPage)
    assert PublicRelease.objects.get().page_id == page.pk
    client.logout()
    public = client.get("/en/publications/reception-of-asylum-seekers/")
    assert public.status_code == 200
    assert DRAFT_MARKER in public.content.decode()


def test_a_party_with_quorum_two_needs_two_of_its_members(
    client, drafts, dmr_editor, approver, second_approver, dmr_reviewer
):
    task = JointApprovalTask.objects.get()
    network = Group.objects.get(name=roles.NETWORK_APPROVERS)
    task.parties = [
        {"group": network.pk, "quorum": 2},
        {"group": Group.objects.get(name=roles.DMR_SECRETARIAT).pk, "precaution_review": True},
    ]
    task.save()
    page = create_draft(drafts, dmr_editor)
    task_state = submit(client, page, dmr_editor)

    approve(client, approver, task_state)
    approve(client, dmr_reviewer, task_state, **PRECAUTION)
    assert not reload(page).live

    approve(client, second_approver, task_state)
    assert reload(page).live


def test_the_same_person_cannot_approve_for_two_parties(client, submitted, approver, dmr_reviewer):
    _page, task_state = submitted
    dmr_reviewer.groups.add(Group.objects.get(name=roles.NETWORK_APPROVERS))
    approve(
        client,
        dmr_reviewer,
        task_state,
        party=str(Group.objects.get(name="DMR Secretariat").pk),
        **PRECAUTION,
    )

    response = approve(client, dmr_reviewer, task_state)

    assert response.status_code == 302
    assert Approval.objects.count() == 1
    assert "one person counts for one party" in " ".join(
        messages_of(client.get(review_url(task_state)))
    )


def test_the_author_of_the_revision_cannot_approve_it(client, submitted, dmr_editor):
    _page, task_state = submitted

    page_html = sign_in(client, dmr_editor).get(review_url(task_state)).content.decode()
    response = approve(client, dmr_editor, task_state, **PRECAUTION)

    assert "You wrote this version: someone else must approve it." in page_html
    assert response.status_code == 302
    assert Approval.objects.count() == 0


def test_a_member_of_no_party_cannot_open_the_review(client, submitted, focal_point):
    _page, task_state = submitted

    response = sign_in(client, focal_point).get(review_url(task_state))

    assert response.status_code in (302, 403)
    assert Approval.objects.count() == 0


def test_a_rejection_by_any_party_ends_the_task_with_the_comment(
    client, submitted, approver, dmr_reviewer
):
    page, task_state = submitted
    approve(client, dmr_reviewer, task_state, **PRECAUTION)

    response = sign_in(client, approver).post(
        review_url(task_state), {"action": "reject", "comment": "Remove the table of figures."}
    )

    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Remove the table of figures."
    assert task_state.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not reload(page).live


def test_a_rejection_needs_a_comment(client, submitted, approver):
    _page, task_state = submitted

    response = sign_in(client, approver).post(
        review_url(task_state), {"action": "reject", "comment": "  "}
    )

    assert response.status_code == 200
    assert "Say what must change." in response.content.decode()
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_request_changes_through_wagtails_workflow_action_view(client, submitted, approver):
    page, task_state = submitted
    url = f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/"

    response = sign_in(client, approver).post(url, {"comment": "Shorten the summary."})

    assert response.status_code == 302
    task_state.refresh_from_db()
    assert (task_state.status, task_state.comment) == (
        TaskState.STATUS_REJECTED,
        "Shorten the summary.",
    )


def test_wagtails_approve_action_is_not_offered_approval_goes_through_the_review(
    client, submitted, approver
):
    page, task_state = submitted
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"

    refused = sign_in(client, approver).post(url)
    review = client.post(f"/admin/pages/workflow/action/{page.pk}/review/{task_state.pk}/")

    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's refusal
    assert review.status_code == 302
    assert review["Location"] == review_url(task_state)
    assert Approval.objects.count() == 0


def test_an_edit_after_a_partial_approval_resets_the_tally(
    client, submitted, approver, dmr_editor, dmr_reviewer
):
    page, task_state = submitted
    approve(client, approver, task_state)

    sign_in(client, dmr_editor).post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form_data(page, action=None, intro="A corrected summary."),
    )
    approve(client, dmr_reviewer, task_state, **PRECAUTION)

    assert not reload(page).live
    task_state.refresh_from_db()
    tally = task_state.task.specific.tally_for(task_state, reload(page).get_latest_revision())
    assert tally.summary() == "Network approvers 0/1, DMR Secretariat 1/1"
    assert PageLogEntry.objects.filter(page=page, action="workflows.tally_reset").exists()

    approve(client, approver, task_state)
    page = reload(page)
    assert page.live
    assert page.intro == "A corrected summary."


def test_an_approval_of_a_version_that_changed_meanwhile_is_refused(
    client, submitted, approver, dmr_editor
):
    page, task_state = submitted
    reviewed = page.get_latest_revision().pk
    page.intro = "Changed while the approver was reading."
    page.save_revision(user=dmr_editor)

    response = sign_in(client, approver).post(
        review_url(task_state), {"action": "approve", "revision_id": str(reviewed)}
    )

    assert response.status_code == 200
    assert "The page was changed after you opened it" in response.content.decode()
    assert Approval.objects.count() == 0


def test_the_precaution_checklist_must_be_complete_before_the_dmr_approves(
    client, submitted, dmr_reviewer
):
    _page, task_state = submitted

    response = approve(
        client, dmr_reviewer, task_state, checklist=["no_personal_data"], notes="Partial."
    )

    assert response.status_code == 200
    assert "Tick every item of the precaution review before approving." in response.content.decode()
    assert Approval.objects.count() == 0
    assert PrecautionReview.objects.count() == 0


def test_the_precaution_review_is_recorded_with_the_approval_and_in_the_audit_log(
    client, submitted, dmr_reviewer
):
    page, task_state = submitted

    approve(client, dmr_reviewer, task_state, **PRECAUTION)

    review = PrecautionReview.objects.get()
    assert review.approval.user == dmr_reviewer
    assert [item["key"] for item in review.checklist] == PRECAUTION["checklist"]
    assert review.notes == "Checked against the minutes."
    entry = PageLogEntry.objects.get(page=page, action="workflows.precaution_review")
    assert entry.user == dmr_reviewer
    assert entry.data["notes"] == "Checked against the minutes."


def test_the_tally_is_visible_in_the_page_history(client, submitted, approver, dmr_editor):
    page, task_state = submitted
    approve(client, approver, task_state)

    history = sign_in(client, dmr_editor).get(f"/admin/pages/{page.pk}/history/")
    workflow_history = client.get(
        f"/admin/pages/{page.pk}/workflow_history/detail/{task_state.workflow_state_id}/"
    )

    assert history.status_code == 200
    assert "Approved for Network approvers" in history.content.decode()
    assert "Network approvers 1/1: Approver Tester" in workflow_history.content.decode()


def test_the_review_page_shows_the_tally_the_preview_and_the_checklist(
    client, submitted, approver, dmr_reviewer
):
    _page, task_state = submitted
    approve(client, approver, task_state)

    html = sign_in(client, dmr_reviewer).get(review_url(task_state)).content.decode()

    assert "Approver Tester" in html  # who approved for the network
    assert f'src="{review_url(task_state)}preview/"' in html
    assert "The content contains no personal data." in html
    assert "None: the content links to no restricted page or document." in html


def test_the_preview_shows_exactly_the_version_under_review(client, submitted, dmr_reviewer):
    _page, task_state = submitted

    response = sign_in(client, dmr_reviewer).get(f"{review_url(task_state)}preview/")

    assert response.status_code == 200
    assert DRAFT_MARKER in response.content.decode()
    assert response.headers.get("X-Frame-Options") == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
