"""The project's one way to send email: `queue(message)`.

The email is written to the outbox in the caller's transaction, so it exists exactly when
the work that caused it was committed, and a delivery task is enqueued with it (the
database task backend commits the task with the same transaction). The worker then sends
it through `NFP_EMAIL_DELIVERY_BACKEND` (SMTP in production), with `EMAIL_TIMEOUT`:

* accepted by the server: marked sent, once;
* refused for good (the server rejects every recipient with a 5xx): failed at once;
* any other error (server down, timeout, 4xx): tried again after 30 s, 1 min, 2 min, ...
  (at most 30 min apart) until `NFP_EMAIL_GIVE_UP_AFTER_HOURS`, then failed.

Failed emails are listed in the admin, where the DMR sends them again. Code that calls
`EmailMessage.send()` (Wagtail, Django, the workflows plugin) reaches the same outbox
through `EMAIL_BACKEND = "nfp_site.operations.email_backend.OutboxBackend"`.
"""

import logging
import smtplib
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from . import message_store, signals
from .models import OutboundEmail

logger = logging.getLogger(__name__)

FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(minutes=30)
ERROR_LENGTH = 1000


def queue(message: EmailMessage, *, purpose: str = "", reference: str = "") -> OutboundEmail:
    """Put `message` in the outbox; the worker sends it. Returns the outbox row."""
    recipients = message_store.all_recipients(message)
    email = OutboundEmail.objects.create(
        subject=str(message.subject)[:255],
        recipients=", ".join(recipients)[:2000],
        purpose=purpose,
        reference=reference,
        message=message_store.to_json(message),
    )
    _enqueue(email.pk)
    return email


def queue_all(messages: Iterable[EmailMessage], *, purpose: str = "") -> list[OutboundEmail]:
    return [queue(message, purpose=purpose) for message in messages]


def _enqueue(email_id: int, *, run_after=None) -> None:
    task_ = deliver_email
    if run_after is not None:
        if not task_.get_backend().supports_defer:
            return  # the worker's sweep picks it up when it is due
        task_ = task_.using(run_after=run_after)
    try:
        with transaction.atomic():  # a failure must not break the caller's transaction
            task_.enqueue(email_id)
    except Exception:
        # The row is in the outbox: the sweep will enqueue it again.
        logger.exception("Could not enqueue the delivery of email %s", email_id)


@task()
def deliver_email(email_id: int) -> str:
    """The worker's task: send one email if it is still waiting and due."""
    return deliver(email_id)


def retry_delay(attempts: int) -> timedelta:
    """30 s after the first failure, doubling, never more than 30 min."""
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_RETRY)


def claim_lease() -> timedelta:
    # Connecting, then the message: each step bounded by EMAIL_TIMEOUT.
    return timedelta(seconds=3 * (settings.EMAIL_TIMEOUT or 60) + 5)


def _claim(email_id: int, *, due_only: bool) -> bool:
    """Take the email for this worker: a compare-and-set that one worker wins."""
    now = timezone.now()
    waiting = OutboundEmail.objects.filter(pk=email_id, status=OutboundEmail.Status.QUEUED).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )
    if due_only:
        waiting = waiting.filter(next_attempt_at__lte=now)
    return waiting.update(claimed_until=now + claim_lease()) == 1


def _is_permanent(error: Exception) -> bool:
    """The server refused every recipient for good (5xx): trying again cannot help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(
            code >= 500 for code, _message in error.recipients.values()
        )
    return False


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:ERROR_LENGTH]


def deliver(email_id: int, *, due_only: bool = True) -> str:
    """Send the email now if this worker can claim it; returns its status afterwards."""
    if not _claim(email_id, due_only=due_only):
        status = OutboundEmail.objects.filter(pk=email_id).values_list("status", flat=True)
        return status.first() or "missing"
    email = OutboundEmail.objects.get(pk=email_id)
    try:
        message = message_store.from_json(email.message)
        with get_connection(settings.NFP_EMAIL_DELIVERY_BACKEND) as connection:
            accepted = connection.send_messages([message])
        if not accepted:
            raise smtplib.SMTPException("the mail server did not accept the message")
    except Exception as error:
        return _failed(email, error)
    now = timezone.now()
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.Status.SENT,
        sent_at=now,
        claimed_until=None,
        attempts=email.attempts + 1,
        last_error="",
    )
    email.refresh_from_db()
    logger.info("email sent", extra={"email_id": email.pk, "purpose": email.purpose})
    signals.email_sent.send(sender=OutboundEmail, email=email)
    return email.status


def _failed(email: OutboundEmail, error: Exception) -> str:
    now = timezone.now()
    attempts = email.attempts + 1
    give_up_at = email.queued_at + timedelta(hours=settings.NFP_EMAIL_GIVE_UP_AFTER_HOURS)
    next_attempt = now + retry_delay(attempts)
    permanent = _is_permanent(error) or next_attempt > give_up_at
    status = OutboundEmail.Status.FAILED if permanent else OutboundEmail.Status.QUEUED
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=status,
        attempts=attempts,
        last_error=_describe(error),
        next_attempt_at=next_attempt,
        claimed_until=None,
    )
    email.refresh_from_db()
    log = logger.error if permanent else logger.warning
    log(
        "email not sent (%s)",
        "gave up" if permanent else f"attempt {attempts}, next at {next_attempt.isoformat()}",
        exc_info=error,
        extra={"email_id": email.pk, "purpose": email.purpose},
    )
    if permanent:
        signals.email_failed.send(sender=OutboundEmail, email=email)
    else:
        _enqueue(email.pk, run_after=next_attempt)
    return email.status


def send_again(email: OutboundEmail) -> None:
    """The DMR's "send again": a failed email goes back in the queue, its clock restarted."""
    now = timezone.now()
    updated = OutboundEmail.objects.filter(pk=email.pk, status=OutboundEmail.Status.FAILED).update(
        status=OutboundEmail.Status.QUEUED, queued_at=now, next_attempt_at=now, claimed_until=None
    )
    if updated:
        transaction.on_commit(lambda: _enqueue(email.pk), robust=True)


def due() -> "Q":
    now = timezone.now()
    return Q(status=OutboundEmail.Status.QUEUED, next_attempt_at__lte=now) & (
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )


def sweep(*, exclude: set[int] = frozenset(), limit: int = 500) -> int:
    """Enqueue the waiting emails whose time has come and that no worker holds: those whose
    task was lost (a killed worker, a backend without deferred tasks). Harmless when their
    task still exists: the claim lets one send. Returns how many."""
    ids = list(
        OutboundEmail.objects.filter(due())
        .filter(next_attempt_at__lte=timezone.now() - FIRST_RETRY)
        .order_by("next_attempt_at")
        .exclude(pk__in=exclude)
        .values_list("pk", flat=True)[:limit]
    )
    for email_id in ids:
        _enqueue(email_id)
    return len(ids)


@dataclass(frozen=True)
class Outcome:
    sent: int
    waiting: int
    failed: int

    @property
    def ok(self) -> bool:
        return not (self.waiting or self.failed)


def deliver_now(emails, *, wait: timedelta | None = None) -> Outcome:
    """Send these outbox rows now, in this process (a scheduled command reports its own
    outcome this way); what fails stays queued for the worker's retries. An email that a
    worker is sending at this moment is waited for (at most `wait`, by default the claim's
    lease), so that the outcome is the server's answer."""
    for email_id in emails.filter(status=OutboundEmail.Status.QUEUED).values_list("pk", flat=True):
        deliver(email_id, due_only=False)
    deadline = timezone.now() + (wait if wait is not None else claim_lease())
    while (
        emails.filter(status=OutboundEmail.Status.QUEUED, claimed_until__gt=timezone.now()).exists()
        and timezone.now() < deadline
    ):
        time.sleep(0.2)
    statuses = list(emails.values_list("status", flat=True))
    return Outcome(
        sent=statuses.count(OutboundEmail.Status.SENT),
        waiting=statuses.count(OutboundEmail.Status.QUEUED),
        failed=statuses.count(OutboundEmail.Status.FAILED),
    )
