"""What the outbox tells the meetings: a convocation's delivery is marked sent when the mail
server accepted its email, failed when the outbox gave up on it; an agenda suggestion's
outcome counts as emailed once it was accepted. Connected by `signal_handlers.connect`."""

from django.utils import timezone

from network_pages.meetings.models.agenda_suggestion import AgendaSuggestion
from network_pages.meetings.models.convocation import ConvocationDelivery

DELIVERY = "convocation-delivery"
OUTCOME = "suggestion-outcome"
ERROR_LENGTH = 255


def delivery_reference(delivery: ConvocationDelivery) -> str:
    return f"{DELIVERY}:{delivery.pk}"


def outcome_reference(suggestion: AgendaSuggestion) -> str:
    return f"{OUTCOME}:{suggestion.pk}"


def _parse(reference: str) -> tuple[str, int | None]:
    kind, _, pk = reference.partition(":")
    return kind, int(pk) if pk.isdigit() else None


def email_sent(sender, email, **kwargs) -> None:
    kind, pk = _parse(email.reference)
    if kind == DELIVERY:
        ConvocationDelivery.objects.filter(pk=pk).update(
            status=ConvocationDelivery.Status.SENT, sent_at=email.sent_at, error=""
        )
    elif kind == OUTCOME:
        AgendaSuggestion.objects.filter(pk=pk, outcome_sent_at__isnull=True).update(
            outcome_sent_at=email.sent_at or timezone.now()
        )


def email_failed(sender, email, **kwargs) -> None:
    kind, pk = _parse(email.reference)
    if kind == DELIVERY:
        ConvocationDelivery.objects.filter(pk=pk).exclude(
            status=ConvocationDelivery.Status.SENT
        ).update(status=ConvocationDelivery.Status.FAILED, error=email.last_error[:ERROR_LENGTH])
