from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from network_pages.community.notifications import digests, emails
from nfp_site.operations import outbox
from nfp_site.operations.models import OutboundEmail


class Command(BaseCommand):
    help = (
        "Send each member one email with the notifications they chose to receive in a daily "
        "digest (run once a day by the worker, or cron; running it again sends nothing "
        "twice). Fails (exit 1) while any digest email could not be sent: the worker keeps "
        "trying them, and a rerun tries them again."
    )

    def handle(self, *args, **options) -> None:
        started = timezone.now()
        people = digests.send_all_due_digests()
        digest_emails = OutboundEmail.objects.filter(purpose=emails.DIGEST).filter(
            Q(status=OutboundEmail.Status.QUEUED) | Q(created_at__gte=started)
        )
        outcome = outbox.deliver_now(digest_emails)
        self.stdout.write(
            f"Digests written: {people}. Sent: {outcome.sent}, waiting for a retry: "
            f"{outcome.waiting}, failed: {outcome.failed}."
        )
        if not outcome.ok:
            raise CommandError(
                f"{outcome.waiting + outcome.failed} digest email(s) could not be sent; "
                "they stay in the outbox (Settings › Outgoing emails)."
            )
