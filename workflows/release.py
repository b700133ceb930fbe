"""Moving an approved page into the public section (3.3), as the system.

Runs inside the approval's transaction: the approved revision (never a later draft) is
moved under the public parent the project names and published there, without the
permission check that would fail for the last approver. Nothing restricted travels: the
editors' comments and the page's own view restrictions are dropped, sub-pages and links
to restricted material stop the approval before it gets here. Translations and emails
run once the transaction has committed.
"""

from django.db import transaction
from wagtail import hooks
from wagtail.actions.move_page import MovePageAction
from wagtail.log_actions import log
from wagtail.models import COMMENTS_RELATION_NAME, Page, Revision, WorkflowState

from workflows import log_actions, tasks
from workflows.destination import public_parent_for, release_obstacles
from workflows.exceptions import ApprovalRefused
from workflows.gate import acting_as_system
from workflows.links import restricted_links
from workflows.models import PublicRelease

BEFORE_RELEASE_HOOK = "workflows_before_release"


def approved_revision(workflow_state: WorkflowState) -> Revision:
    """The revision every task approved: the last task's, not whatever was saved since."""
    task_state = workflow_state.current_task_state
    if task_state is not None:
        return Revision.objects.get(pk=task_state.revision_id)
    return workflow_state.content_object.get_latest_revision()


@transaction.atomic
@acting_as_system("release")
def release_approved_revision(workflow_state: WorkflowState, user=None) -> PublicRelease | None:
    """Move and publish what the workflow approved; `user` (the last approver) is only logged."""
    revision = approved_revision(workflow_state)
    obj = workflow_state.content_object
    if not isinstance(obj, Page):
        revision.publish(user=None, skip_permission_checks=True)
        return None
    page = obj.specific
    approved = revision.as_object()
    problems = [link.title for link in restricted_links(approved)]
    problems += release_obstacles(page, approved)
    if problems:
        raise ApprovalRefused(problems)

    parent = public_parent_for(page)
    if parent is None:
        # Not a page for the public section: publish the approved version where it is.
        revision.publish(user=None, skip_permission_checks=True)
        return None
    _leave_restricted_things_behind(page, revision)
    if page.get_parent().pk != parent.pk:
        MovePageAction(page, parent, pos="last-child", user=None).execute(
            skip_permission_checks=True
        )
    # Read both back: the move changed the page's place, which publishing keeps.
    revision = Revision.objects.get(pk=revision.pk)
    revision.publish(user=None, skip_permission_checks=True)
    page = Page.objects.get(pk=page.pk).specific

    release = PublicRelease.objects.create(
        workflow_state=workflow_state, page=page, revision=revision, title=page.title
    )
    log(
        instance=page,
        action=log_actions.RELEASE,
        user=user,
        revision=revision,
        data={"parent": parent.title, "revision_id": revision.pk},
    )
    release_id = release.pk
    transaction.on_commit(lambda: tasks.translate_release.enqueue(release_id))
    return release


def _leave_restricted_things_behind(page: Page, revision: Revision) -> None:
    """Editors' comments and the page's own view restrictions stay in the restricted area."""
    getattr(page, COMMENTS_RELATION_NAME).all().delete()
    page.view_restrictions.all().delete()
    for hook in hooks.get_hooks(BEFORE_RELEASE_HOOK):
        hook(page=page, revision=revision)
