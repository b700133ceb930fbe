"""Background work of the meetings (django-tasks, as Wagtail 8 uses it).

A convocation goes to up to every Focal Point of 46 states and their guests: the request
that sends it only records it and its deliveries, and enqueues `send_convocation_emails`
once the transaction commits. The task sends what is still pending, so that running it
again (after a crash, or by a retrying worker) never sends anyone the same email twice.
"""

from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task

from network_pages.meetings import emails
from network_pages.meetings.models.agenda_suggestion import AgendaSuggestion
from network_pages.meetings.models.convocation import Convocation, ConvocationDelivery

ERROR_LENGTH = 255


@task()
def send_convocation_emails(convocation_id: int) -> dict[str, int]:
    """Send every pending delivery of a convocation; returns how many went and failed."""
    convocation = Convocation.objects.select_related("meeting").get(pk=convocation_id)
    urls: dict[str, str] = {}
    sent = failed = 0
    pending = convocation.deliveries.filter(status=ConvocationDelivery.Status.PENDING)
    with get_connection() as connection:
        for delivery in pending.order_by("pk"):
            if delivery.language not in urls:
                urls[delivery.language] = emails.page_url_in(convocation.meeting, delivery.language)
            try:
                message = emails.convocation_message(convocation, delivery, urls[delivery.language])
                message.connection = connection
                message.send()
            except Exception as error:  # one bad address must not stop the others
                ConvocationDelivery.objects.filter(pk=delivery.pk).update(
                    status=ConvocationDelivery.Status.FAILED,
                    error=f"{type(error).__name__}: {error}"[:ERROR_LENGTH],
                )
                failed += 1
            else:
                ConvocationDelivery.objects.filter(pk=delivery.pk).update(
                    status=ConvocationDelivery.Status.SENT, sent_at=timezone.now(), error=""
                )
                sent += 1
    return {"sent": sent, "failed": failed}


@task()
def send_suggestion_outcome(suggestion_id: int) -> bool:
    """4.4: email the suggesting Focal Point the DMR's decision, once."""
    suggestion = (
        AgendaSuggestion.objects.select_related("meeting", "suggested_by")
        .filter(pk=suggestion_id, outcome_sent_at__isnull=True)
        .exclude(status=AgendaSuggestion.Status.PENDING)
        .first()
    )
    if suggestion is None:
        return False
    message = emails.suggestion_outcome_message(suggestion)
    if message is None:
        return False
    message.send()
    AgendaSuggestion.objects.filter(pk=suggestion.pk).update(outcome_sent_at=timezone.now())
    return True
