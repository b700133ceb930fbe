"""Background work (django-tasks). Every email goes to the outbox (`nfp_site.operations.outbox`);
reminders are queued in the transaction that records them (`announcements.remind`).

New requests and disseminated items are notifications (`community.notifications`).

Tasks take ids and read the database again: by the time one runs, pages may have changed.
"""

from django_tasks import task
from wagtail.models import Page

from . import emails


def _page(page_id: int) -> Page | None:
    return Page.objects.filter(pk=page_id).first()


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
        purpose=emails.REVIEW,
    )
