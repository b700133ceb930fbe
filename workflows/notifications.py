"""Emails of the joint approval: title and link only, in the recipient's language.

Only people who may see the draft receive anything about it (`WORKFLOWS_MAY_VIEW_PAGE`).
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, TaskState, WorkflowState

from workflows import conf
from workflows.models import JointApprovalTask, JointApprovalTaskState

ACTION_NEEDED = "action_needed"
PUBLISHED = "published"
CHANGES_REQUESTED = "changes_requested"
CANCELLED = "cancelled"
WITHDRAWN = "withdrawn"


def absolute(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def send(users: Iterable, kind: str, *, title: str, link: str, **extra) -> int:
    """One email per user, each rendered in that user's language."""
    sent = 0
    for user in users:
        if not (user.is_active and user.email):
            continue
        context = {"title": title, "link": link, "user": user, **extra}
        language = conf.recipient_language(user)
        with translation.override(language):
            subject = render_to_string(f"workflows/emails/{kind}_subject.txt", context)
            body = render_to_string(f"workflows/emails/{kind}.txt", context)
        message = EmailMessage(
            " ".join(subject.split()),
            body.strip(),
            to=[user.email],
            headers={"Content-Language": language},
        )
        sent += message.send()
    return sent


def parties_to_notify(task_state: JointApprovalTaskState) -> list:
    """Members of each party still short of its quorum, who may act and see the draft."""
    task = task_state.task.specific
    page = task_state.workflow_state.content_object
    tally = task.tally_for(task_state, task_state.revision)
    group_ids = [party.party.group_id for party in tally.waiting()]
    excluded = task.author_ids(task_state) | tally.voter_ids
    users = (
        get_user_model()
        .objects.filter(groups__in=group_ids, is_active=True)
        .exclude(pk__in=excluded)
        .distinct()
        .order_by("pk")
    )
    return [user for user in users if conf.may_view_page(user, page)]


def notify_parties(task_state_id: int) -> int:
    task_state = JointApprovalTaskState.objects.filter(
        pk=task_state_id, status=TaskState.STATUS_IN_PROGRESS
    ).first()
    if task_state is None:
        return 0
    page = task_state.workflow_state.content_object
    link = absolute(reverse("workflows:review", args=[task_state.pk]))
    return send(
        parties_to_notify(task_state),
        ACTION_NEEDED,
        title=page.get_admin_display_title() if isinstance(page, Page) else str(page),
        link=link,
    )


def uses_joint_approval(workflow_state: WorkflowState) -> bool:
    return JointApprovalTask.objects.filter(
        workflow_tasks__workflow_id=workflow_state.workflow_id
    ).exists()


def notify_author(workflow_state_id: int, kind: str) -> int:
    """The submitter learns that the page is public, or that changes were requested."""
    workflow_state = WorkflowState.objects.select_related("requested_by").get(pk=workflow_state_id)
    author = workflow_state.requested_by
    page = workflow_state.content_object
    if author is None or page is None:
        return 0
    page = page.specific if isinstance(page, Page) else page
    if kind == PUBLISHED:
        link = absolute(page.get_url() or "")
    else:
        if isinstance(page, Page) and not conf.may_view_page(author, page):
            return 0
        link = absolute(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return send([author], kind, title=str(page.title), link=link)


def party_members(task: JointApprovalTask, page, *, exclude=()) -> list:
    """Every member of every party who may see the page (the approvers, both sides)."""
    users = (
        get_user_model()
        .objects.filter(groups__in=[party.group_id for party in task.get_parties()], is_active=True)
        .exclude(pk__in=[user.pk for user in exclude if user is not None])
        .distinct()
        .order_by("pk")
    )
    return [user for user in users if not isinstance(page, Page) or conf.may_view_page(user, page)]


def notify_cancellation(workflow_state_id: int, user_id: int | None) -> int:
    """Point 3 of issue 12: the approvers learn that a draft left the joint approval, and who
    took it out, so that a cancelled approval is never silent."""
    workflow_state = WorkflowState.objects.get(pk=workflow_state_id)
    page = workflow_state.content_object
    task = JointApprovalTask.objects.filter(
        workflow_tasks__workflow_id=workflow_state.workflow_id
    ).first()
    if page is None or task is None:
        return 0
    page = page.specific if isinstance(page, Page) else page
    by = get_user_model().objects.filter(pk=user_id).first()
    # The approval's own review page, which shows it cancelled: every party member may open
    # it, an approver too (Wagtail's page history needs a page permission they do not have).
    task_state = (
        JointApprovalTaskState.objects.filter(workflow_state_id=workflow_state.pk)
        .order_by("-pk")
        .first()
    )
    link = absolute(reverse("workflows:review", args=[task_state.pk])) if task_state else ""
    return send(
        party_members(task, page, exclude=[by]),
        CANCELLED,
        title=str(page.title),
        link=link,
        by=by.get_full_name() or by.get_username() if by else "",
    )


def notify_withdrawal(page_id: int, user_id: int | None, reason: str) -> int:
    """Both parties learn that a public page was withdrawn, by whom and why (3.3)."""
    page = Page.objects.filter(pk=page_id).first()
    by = get_user_model().objects.filter(pk=user_id).first()
    if page is None:
        return 0
    users = {}
    for task in JointApprovalTask.objects.filter(active=True):
        for user in party_members(task, None, exclude=[by]):
            users[user.pk] = user
    return send(
        users.values(),
        WITHDRAWN,
        title=str(page.title),
        link=absolute(reverse("wagtailadmin_pages:history", args=[page.pk])),
        by=by.get_full_name() or by.get_username() if by else "",
        reason=reason,
    )
