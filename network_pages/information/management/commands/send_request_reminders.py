from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from network_pages.information import announcements, emails
from network_pages.information.models import InformationRequestPage, ReminderLog
from nfp_site.operations import outbox
from nfp_site.operations.models import OutboundEmail


class Command(BaseCommand):
    help = (
        "Remind the member states that have not submitted a response, N days before the "
        "deadline (NFP_REQUEST_REMINDER_DAYS, default 7); once per state and request. "
        "Meant for a daily scheduler (the worker runs it; or cron). Each request's reminders "
        "are recorded with their emails in one transaction; the emails are then sent, and "
        "the command fails (exit 1) while any reminder email could not be sent (the worker "
        "keeps trying them; a rerun tries them again and sends nothing twice)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override NFP_REQUEST_REMINDER_DAYS for this run.",
        )

    def handle(self, *args, days: int | None = None, **options) -> None:
        started = timezone.now()
        total = 0
        for request_page in announcements.requests_due_for_reminders(InformationRequestPage, days):
            with transaction.atomic():
                reminded = announcements.remind(
                    request_page,
                    announcements.states_without_submission(request_page),
                    kind=ReminderLog.Kind.AUTOMATIC,
                )
            total += len(reminded)
            if reminded:
                self.stdout.write(f"{request_page.title}: reminded {len(reminded)} member state(s)")
        # This run's emails, and those of earlier runs still waiting.
        emails_ = OutboundEmail.objects.filter(purpose=emails.REMINDER).filter(
            Q(status=OutboundEmail.Status.QUEUED) | Q(created_at__gte=started)
        )
        outcome = outbox.deliver_now(emails_)
        self.stdout.write(
            f"Member states reminded: {total}. Reminder emails sent: {outcome.sent}, "
            f"waiting for a retry: {outcome.waiting}, failed: {outcome.failed}."
        )
        if not outcome.ok:
            raise CommandError(
                f"{outcome.waiting + outcome.failed} reminder email(s) could not be sent; "
                "they stay in the outbox (Settings › Outgoing emails)."
            )
