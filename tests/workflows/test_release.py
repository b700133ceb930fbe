"""3.3: on completion, the approved revision moves into the public section, as the system,
and nothing restricted travels with it."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Comment, Page, PageLogEntry, PageViewRestriction, WorkflowState

from home.models import PublicationIndexPage
from network_pages import roles
from tests.workflows.conftest import PRECAUTION, approve_by_model, create_draft
from workflows.exceptions import ApprovalRefused
from workflows.finish import move_into_public_section
from workflows.models import PublicRelease

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(drafts, dmr_editor, django_capture_on_commit_callbacks):
    page = create_draft(drafts, dmr_editor, body_html="<p>Approved wording.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        workflow_state = drafts.get_workflow().start(page, dmr_editor)
    return page, workflow_state.current_task_state


def test_the_last_approver_needs_no_publish_permission_the_system_publishes(
    started, approver, dmr_reviewer
):
    page, task_state = started
    approve_by_model(task_state, dmr_reviewer, **PRECAUTION)
    assert not Page.objects.get(pk=page.pk).permissions_for_user(approver).can_publish()

    approve_by_model(task_state, approver)

    page = Page.objects.get(pk=page.pk)
    assert page.live
    publish_entry = PageLogEntry.objects.get(page=page, action="wagtail.publish")
    assert publish_entry.user is None
    assert PageLogEntry.objects.get(page=page, action="workflows.release").user == approver


def test_the_moved_page_is_public_with_exactly_the_approved_content(
    client, started, approver, dmr_reviewer
):
    page, task_state = started
    approve_by_model(task_state, approver)
    approve_by_model(task_state, dmr_reviewer, **PRECAUTION)

    page = Page.objects.get(pk=page.pk).specific
    approved = PublicRelease.objects.get().revision
    assert page.live_revision == approved
    assert page.get_parent().specific_class is PublicationIndexPage
    html = client.get(page.url).content.decode()
    assert "Approved wording." in html


def test_finishing_publishes_the_approved_revision_not_a_later_draft(
    started, approver, dmr_reviewer, dmr_editor
):
    """Should anything be saved after the approval, the approved version is what goes public."""
    page, task_state = started
    approved_revision = page.get_latest_revision()
    task_state.approve(user=approver, update=False)
    later = Page.objects.get(pk=page.pk).specific
    later.body = [("paragraph", "<p>A later, unapproved draft.</p>")]
    later.save_revision(user=dmr_editor)
    workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
    workflow_state.status = WorkflowState.STATUS_APPROVED
    workflow_state.save()

    move_into_public_section(workflow_state, user=approver)

    page = Page.objects.get(pk=page.pk).specific
    assert page.live_revision_id == approved_revision.pk
    assert page.has_unpublished_changes
    assert "Approved wording." in str(page.body)


def test_editors_comments_and_the_drafts_own_restriction_stay_behind(
    started, approver, dmr_reviewer, dmr_editor
):
    page, task_state = started
    Comment.objects.create(
        page=page, user=dmr_editor, text="Check the figures", contentpath="title"
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=roles.DMR_SECRETARIAT))

    approve_by_model(task_state, approver)
    approve_by_model(task_state, dmr_reviewer, **PRECAUTION)

    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert not Comment.objects.filter(page=page).exists()
    assert not page.get_view_restrictions()
    assert Page.objects.live().public().filter(pk=page.pk).exists()


def test_a_completed_workflow_releases_one_page_once(started, approver, dmr_reviewer):
    page, task_state = started
    approve_by_model(task_state, approver)
    approve_by_model(task_state, dmr_reviewer, **PRECAUTION)

    with pytest.raises(ApprovalRefused, match="no longer in progress"):
        approve_by_model(task_state, dmr_reviewer, **PRECAUTION)

    assert PublicRelease.objects.filter(page=page).count() == 1


def test_without_a_public_destination_the_page_is_published_where_it_is_and_stays_restricted(
    started, approver, dmr_reviewer, settings
):
    """The plugin is reusable: a project that names no destination keeps pages in place."""
    settings.WORKFLOWS_PUBLIC_DESTINATION = None
    page, task_state = started

    approve_by_model(task_state, approver)
    approve_by_model(task_state, dmr_reviewer, **PRECAUTION)

    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert page.get_parent().specific_class.__name__ == "PublicationDraftsPage"
    assert page.get_view_restrictions()
    assert not PublicRelease.objects.exists()
