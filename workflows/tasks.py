"""Background work of the joint approval (django-tasks): emails and translation drafts.

Always enqueued from `transaction.on_commit`, so that they run only for committed work.
"""

from django_tasks import task
from wagtail.models import Page

from workflows import notifications, translation
from workflows.models import PublicRelease


@task()
def notify_parties(task_state_id: int) -> int:
    return notifications.notify_parties(task_state_id)


@task()
def notify_author(workflow_state_id: int, kind: str) -> int:
    return notifications.notify_author(workflow_state_id, kind)


@task()
def notify_cancellation(workflow_state_id: int, user_id: int | None) -> int:
    return notifications.notify_cancellation(workflow_state_id, user_id)


@task()
def notify_withdrawal(page_id: int, user_id: int | None, reason: str) -> int:
    return notifications.notify_withdrawal(page_id, user_id, reason)


@task()
def translate_release(release_id: int) -> list[int]:
    release = PublicRelease.objects.filter(pk=release_id, withdrawn_at=None).first()
    if release is None or release.page_id is None:
        return []
    page = Page.objects.get(pk=release.page_id)
    return [draft.pk for draft in translation.request_translations(page)]
