"""`manage.py run_worker`: the background worker (tasks, email retries, daily jobs).

Run one or more, on any machine that reaches the database; they share the queue."""

from django.conf import settings
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from operations.worker import Housekeeper


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background worker: queued tasks (emails with their retries), a minutely "
        "housekeeping, and the daily jobs of NFP_DAILY_JOBS (unless --no-schedule)."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Leave the daily jobs to cron (one line each; see the README).",
        )
        parser.add_argument(
            "--housekeeping-interval",
            type=float,
            default=60.0,
            help="Seconds between two housekeeping rounds (default: 60).",
        )
        parser.set_defaults(reload=False, queue_name="*", backend_name=DEFAULT_TASK_BACKEND_ALIAS)

    def handle(self, *args, schedule: bool, housekeeping_interval: float, **options) -> None:
        housekeeper = Housekeeper(
            every=housekeeping_interval,
            run_schedule=schedule and settings.NFP_WORKER_RUNS_SCHEDULE,
        )
        housekeeper.start()
        try:
            super().handle(*args, **options)
        finally:
            housekeeper.stopped.set()
