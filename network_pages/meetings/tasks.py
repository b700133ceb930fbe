"""Background work of the meetings (django-tasks, run by the worker).

A convocation goes to up to every Focal Point of 46 states and their guests: the request
that sends it only records it and its deliveries, and enqueues `send_convocation_emails`
once the transaction commits. The task puts one email per pending delivery in the outbox
(`nfp_site.operations.outbox`), in one transaction, so that running it again (after a crash, or by
a retrying worker) never queues anyone the same email twice. A delivery is marked sent when
the mail server accepted its email, failed when the outbox gave up (`outcomes`).
"""

from django.db import transaction
from django_tasks import task

from network_pages.meetings import emails, outcomes
from network_pages.meetings.models.agenda_suggestion import AgendaSuggestion
from network_pages.meetings.models.convocation import Convocation, ConvocationDelivery
from nfp_site.operations import outbox
from nfp_site.operations.models import OutboundEmail


@task()
def send_convocation_emails(convocation_id: int) -> int:
    """Queue the email of every pending delivery not queued yet; returns how many."""
    with transaction.atomic():
        convocation = (
            Convocation.objects.select_for_update().select_related("meeting").get(pk=convocation_id)
        )
        pending = list(
            convocation.deliveries.filter(status=ConvocationDelivery.Status.PENDING).order_by("pk")
        )
        queued = set(
            OutboundEmail.objects.filter(
                reference__in=[outcomes.delivery_reference(delivery) for delivery in pending]
            ).values_list("reference", flat=True)
        )
        urls: dict[str, str] = {}
        count = 0
        for delivery in pending:
            reference = outcomes.delivery_reference(delivery)
            if reference in queued:
                continue
            if delivery.language not in urls:
                urls[delivery.language] = emails.page_url_in(convocation.meeting, delivery.language)
            message = emails.convocation_message(convocation, delivery, urls[delivery.language])
            outbox.queue(message, purpose="meetings.convocation", reference=reference)
            count += 1
    return count


@task()
def send_suggestion_outcome(suggestion_id: int) -> bool:
    """4.4: email the suggesting Focal Point the DMR's decision, once."""
    with transaction.atomic():
        suggestion = (
            AgendaSuggestion.objects.select_for_update(of=("self",))
            .select_related("meeting", "suggested_by")
            .filter(pk=suggestion_id, outcome_sent_at__isnull=True)
            .exclude(status=AgendaSuggestion.Status.PENDING)
            .first()
        )
        if suggestion is None:
            return False
        reference = outcomes.outcome_reference(suggestion)
        if OutboundEmail.objects.filter(reference=reference).exists():
            return False
        message = emails.suggestion_outcome_message(suggestion)
        if message is None:
            return False
        outbox.queue(message, purpose="meetings.suggestion_outcome", reference=reference)
    return True
