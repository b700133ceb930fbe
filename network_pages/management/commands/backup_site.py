from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from network_pages.backups import create_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new folder."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", default="backups", help="Where to create the folder.")

    def handle(self, *args, output: str, **options) -> None:
        folder = create_backup(Path(output), Path(settings.MEDIA_ROOT))
        self.stdout.write(str(folder))
