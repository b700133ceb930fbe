"""`manage.py run_worker`: the background worker (tasks, email retries, daily jobs).

Run one or more, on any machine that reaches the database; they share the queue. Stop it
with SIGTERM or Ctrl+C: it finishes the task it is running first."""

from django.conf import settings
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from nfp_site.operations.worker import Housekeeper, ProjectWorker


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background worker: queued tasks (emails with their retries), a housekeeping "
        "round every minute, and the daily jobs of NFP_DAILY_JOBS (unless --no-schedule)."
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
            help="Seconds between two housekeeping rounds (default: 60; 0: none).",
        )
        parser.set_defaults(queue_name="*", backend_name=DEFAULT_TASK_BACKEND_ALIAS)

    def handle(
        self,
        *args,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        max_tasks: int | None,
        worker_id: str,
        schedule: bool,
        housekeeping_interval: float,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        housekeeper = Housekeeper(
            worker_id=worker_id,
            every=housekeeping_interval,
            run_schedule=schedule and settings.NFP_WORKER_RUNS_SCHEDULE,
        )
        worker = ProjectWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
        )
        if housekeeping_interval > 0:
            housekeeper.start()
        worker.configure_signals()
        try:
            worker.run()
        finally:
            housekeeper.stopped.set()
