from django.core.management.base import BaseCommand
from django.db import transaction

from network_pages.information import announcements
from network_pages.information.models import InformationRequestPage, ReminderLog


class Command(BaseCommand):
    help = (
        "Remind the member states that have not submitted a response, N days before the "
        "deadline (NFP_REQUEST_REMINDER_DAYS, default 7); once per state and request. "
        "Meant for a daily scheduler."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override NFP_REQUEST_REMINDER_DAYS for this run.",
        )

    def handle(self, *args, days: int | None = None, **options) -> None:
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
        self.stdout.write(f"Reminders sent to {total} member state(s).")
