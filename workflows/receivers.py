"""Signal wiring of the joint approval: emails, and the tally reset on edit.

Connected by `WorkflowsConfig.ready`. Work that leaves the process (emails) is enqueued
as a background task once the transaction commits.
"""

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from wagtail.admin import signal_handlers as wagtail_notifiers
from wagtail.log_actions import log
from wagtail.models import Page, Revision, TaskState, WorkflowState, get_page_models
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
)

from workflows import gate, log_actions, notifications, tasks
from workflows.models import Approval, JointApprovalTaskState


def notify_parties_on_submission(sender, instance, user=None, **kwargs) -> None:
    task_state_id = instance.pk
    transaction.on_commit(lambda: tasks.notify_parties.enqueue(task_state_id))


def notify_author_on_approval(sender, instance, user=None, **kwargs) -> None:
    if notifications.uses_joint_approval(instance):
        workflow_state_id = instance.pk
        transaction.on_commit(
            lambda: tasks.notify_author.enqueue(workflow_state_id, notifications.PUBLISHED)
        )


def notify_author_on_rejection(sender, instance, user=None, **kwargs) -> None:
    if notifications.uses_joint_approval(instance):
        workflow_state_id = instance.pk
        transaction.on_commit(
            lambda: tasks.notify_author.enqueue(workflow_state_id, notifications.CHANGES_REQUESTED)
        )


def notify_parties_on_cancellation(sender, instance, user=None, **kwargs) -> None:
    """A joint approval cancelled by its author (or anyone) is never silent (3.3)."""
    if notifications.uses_joint_approval(instance):
        workflow_state_id, user_id = instance.pk, getattr(user, "pk", None)
        transaction.on_commit(lambda: tasks.notify_cancellation.enqueue(workflow_state_id, user_id))


def reset_tally_on_new_revision(sender, instance: Revision, created=False, **kwargs) -> None:
    """An edit during a joint approval is a new version: every party approves it again.

    The task states are read under the row lock that approvals take: an edit racing the last
    approval waits for it, then finds the task approved and leaves it alone, so that the
    task keeps pointing at the revision that was actually approved (and released).
    """
    if not created or kwargs.get("raw"):
        return
    with transaction.atomic():
        states = (
            JointApprovalTaskState.objects.select_for_update()
            .filter(
                status=TaskState.STATUS_IN_PROGRESS,
                workflow_state__base_content_type_id=instance.base_content_type_id,
                workflow_state__object_id=instance.object_id,
            )
            .exclude(revision_id=instance.pk)
            .order_by("pk")
        )
        for state in states:
            _restart_tally(state, instance)


def _restart_tally(state: JointApprovalTaskState, revision: Revision) -> None:
    had_approvals = Approval.objects.filter(
        task_state=state, revision_id=state.revision_id
    ).exists()
    state.revision = revision
    state.save(update_fields=["revision"])
    if had_approvals:
        obj = revision.content_object
        log(
            instance=obj.specific if isinstance(obj, Page) else obj,
            action=log_actions.TALLY_RESET,
            user=revision.user,
            revision=revision,
        )
        notify_parties_on_submission(JointApprovalTaskState, state)


def _unless_joint_approval(notifier):
    """Wagtail's own workflow emails, except for joint approvals (which send their own)."""

    def receiver(sender, instance=None, **kwargs):
        if isinstance(instance, WorkflowState) and notifications.uses_joint_approval(instance):
            return None
        return notifier(sender=sender, instance=instance, **kwargs)

    return receiver


WAGTAIL_NOTIFIERS = [
    (workflow_approved, "workflow_state_approved_email_notification", "approval"),
    (workflow_rejected, "workflow_state_rejected_email_notification", "rejection"),
]


def connect() -> None:
    for model in get_page_models():
        if issubclass(model, gate.JointApprovalGated):
            pre_save.connect(
                gate.guard_live_content,
                sender=model,
                dispatch_uid=f"workflows_gate_{model._meta.label_lower}",
            )
    task_submitted.connect(
        notify_parties_on_submission,
        sender=JointApprovalTaskState,
        dispatch_uid="workflows_notify_parties",
    )
    workflow_approved.connect(
        notify_author_on_approval, sender=WorkflowState, dispatch_uid="workflows_published"
    )
    workflow_rejected.connect(
        notify_author_on_rejection, sender=WorkflowState, dispatch_uid="workflows_rejected"
    )
    workflow_cancelled.connect(
        notify_parties_on_cancellation, sender=WorkflowState, dispatch_uid="workflows_cancelled"
    )
    post_save.connect(
        reset_tally_on_new_revision, sender=Revision, dispatch_uid="workflows_tally_reset"
    )
    # Replace Wagtail's approval and rejection emails (its rejection email would carry the
    # reviewer's comment) by versions that leave joint approvals alone. Connecting under
    # Wagtail's dispatch_uid means that Wagtail's own later `connect` is a no-op.
    for signal, dispatch_uid, kind in WAGTAIL_NOTIFIERS:
        notifier = getattr(wagtail_notifiers, f"workflow_{kind}_email_notifier")
        signal.disconnect(sender=WorkflowState, dispatch_uid=dispatch_uid)
        signal.connect(
            _unless_joint_approval(notifier),
            sender=WorkflowState,
            dispatch_uid=dispatch_uid,
            weak=False,
        )
