from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from network_pages.backups import restore_database, restore_media


class Command(BaseCommand):
    help = "Replace the database and the uploaded files with those of a backup folder."

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", help="A folder written by backup_site.")
        parser.add_argument(
            "--yes", action="store_true", help="Confirm that the current data is replaced."
        )

    def handle(self, *args, folder: str, yes: bool, **options) -> None:
        backup = Path(folder)
        if not (backup / "manifest.json").is_file():
            raise CommandError(f"{backup} is not a backup folder (no manifest.json).")
        if not yes:
            raise CommandError("This replaces every page, account and file: add --yes.")
        connection = connections["default"]
        connection.close()
        try:
            restore_database(backup, connection.settings_dict, connection.vendor)
        except ValueError as error:
            raise CommandError(str(error)) from error
        restore_media(backup, Path(settings.MEDIA_ROOT))
        self.stdout.write(f"Restored {backup}")
