from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from home import page_cache, public_pages
from network_pages import network_area
from network_pages.backups import restore_database, restore_media
from network_pages.meetings import feed_cache
from network_pages.search import document_cache
from nfp_site.operations import liveness, maintenance


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with those of a backup folder. "
        "Refuses while the site is in use (a web server answers, or a worker is running): "
        "whatever is written meanwhile would be lost. Stop the site first, or pass "
        "--maintenance (every instance answers 503 and the workers pause for the restore), "
        "or --even-if-live."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", help="A folder written by backup_site.")
        parser.add_argument(
            "--yes", action="store_true", help="Confirm that the current data is replaced."
        )
        parser.add_argument(
            "--maintenance",
            action="store_true",
            dest="in_maintenance",
            help="Put the site in maintenance mode for the time of the restore.",
        )
        parser.add_argument(
            "--even-if-live",
            action="store_true",
            help="Restore even though the site is in use (its writes meanwhile are lost).",
        )
        parser.add_argument(
            "--site-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="Where the site would answer (default: WAGTAILADMIN_BASE_URL).",
        )

    def handle(
        self,
        *args,
        folder: str,
        yes: bool,
        in_maintenance: bool,
        even_if_live: bool,
        site_url: str,
        **options,
    ) -> None:
        backup = Path(folder)
        if not (backup / "manifest.json").is_file():
            raise CommandError(f"{backup} is not a backup folder (no manifest.json).")
        if not yes:
            raise CommandError("This replaces every page, account and file: add --yes.")
        if in_maintenance:
            self.stdout.write(
                f"Maintenance mode on ({maintenance.flag()}): the site answers 503 and the "
                "workers pause until the restore is done."
            )
            with maintenance.maintenance_mode("restore"):
                self.restore(backup)
            self.stdout.write("Maintenance mode off.")
            return
        in_use = self.signs_of_use(site_url)
        if in_use and not even_if_live:
            raise CommandError(
                f"The site is live ({'; '.join(in_use)}): what is written during the restore "
                "would be lost. Stop the site and its workers first, or restore in "
                "maintenance mode (make restore ... MAINTENANCE=1, or --maintenance), or "
                "knowingly replace a live site (FORCE=1, or --even-if-live)."
            )
        if in_use:
            self.stderr.write(f"Restoring although the site is live: {'; '.join(in_use)}.")
        self.restore(backup)

    def signs_of_use(self, site_url: str) -> list[str]:
        signs = []
        if liveness.site_answers(site_url):
            signs.append(f"a web server answers at {site_url}")
        workers = liveness.live_workers()
        if workers:
            signs.append(f"{len(workers)} worker(s) running")
        return signs

    def restore(self, backup: Path) -> None:
        connection = connections["default"]
        connection.close()
        try:
            restore_database(backup, connection.settings_dict, connection.vendor)
        except ValueError as error:
            raise CommandError(str(error)) from error
        restore_media(backup, Path(settings.MEDIA_ROOT))
        # The restored pages and restrictions replace what the shared cache remembers.
        public_pages.forget_restricted_roots()
        network_area.forget_network_roots()
        page_cache.start_new_generation()
        # And what was kept per reader: their calendar feeds, their search's documents.
        feed_cache.start_new_generation()
        document_cache.start_new_generation()
        self.stdout.write(f"Restored {backup}")
