from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from network_pages.demo import seed_demo_content


class Command(BaseCommand):
    help = "Create demo content (idempotent). Refuses to run with production settings."

    def handle(self, *args, **options) -> None:
        if not settings.NFP_ALLOW_DEMO_CONTENT:
            raise CommandError(
                "seed_demo refuses to run here: demo content and accounts with known "
                "passwords are for development only (NFP_ALLOW_DEMO_CONTENT is off)."
            )
        with transaction.atomic():
            report = seed_demo_content()
        for line in report:
            self.stdout.write(line)
