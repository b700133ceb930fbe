"""Background work: every email this app sends goes through a task (django-tasks).

New requests and disseminated items are notifications (`community.notifications`).

Tasks take ids and read the database again: by the time one runs, pages may have changed.
"""

from django_tasks import task
from wagtail.models import Page

from network_pages.models import MemberState

from . import emails


def _page(page_id: int) -> Page | None:
    return Page.objects.filter(pk=page_id).first()


@task()
def send_reminders(page_id: int, state_ids: list[int]) -> int:
    """A reminder to the Focal Points of states that have not submitted their response."""
    page = _page(page_id)
    if page is None or not page.live or not state_ids:
        return 0
    states = MemberState.objects.filter(pk__in=state_ids)
    recipients = emails.who_may_view(emails.focal_points(states=states), page)
    return emails.send_to_each(
        recipients,
        "reminder",
        {"title": page.title, "deadline": page.specific.deadline},
        url_for=lambda language: emails.page_url_in(page, language),
    )


@task()
def ask_dmr_to_review(page_id: int) -> int:
    """4.9: a Focal Point's request or information waits in the admin for the DMR."""
    page = _page(page_id)
    if page is None:
        return 0
    recipients = [user for user in emails.dmr_secretariat() if user.email]
    return emails.send_to_each(
        recipients,
        "review",
        {"title": page.title, "url": emails.admin_edit_url(page)},
    )
