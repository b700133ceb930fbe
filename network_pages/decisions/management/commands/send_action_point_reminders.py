from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from network_pages.decisions import reminders
from nfp_site.operations import outbox
from nfp_site.operations.models import OutboundEmail


class Command(BaseCommand):
    help = (
        "Remind the owners of overdue action points (the day after the due date, then "
        "weekly while open). Meant for a daily scheduler (the worker runs it; or cron); "
        "exits 1 while any reminder email could not be sent."
    )

    def handle(self, *args, **options) -> None:
        started = timezone.now()
        reminded = reminders.remind_overdue()
        waiting = OutboundEmail.objects.filter(purpose=reminders.PURPOSE).filter(
            Q(status=OutboundEmail.Status.QUEUED) | Q(created_at__gte=started)
        )
        outcome = outbox.deliver_now(waiting)
        self.stdout.write(
            f"Overdue action points reminded: {reminded}. Emails sent: {outcome.sent}, "
            f"waiting for a retry: {outcome.waiting}, failed: {outcome.failed}."
        )
        if not outcome.ok:
            raise CommandError(
                f"{outcome.waiting + outcome.failed} reminder email(s) could not be sent; "
                "they stay in the outbox."
            )
