from django.core.management.base import BaseCommand
from django.db import transaction

from network_pages.site_structure import ensure_site_structure


class Command(BaseCommand):
    help = "Create the pages every installation needs (idempotent; safe in production)."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            structure = ensure_site_structure()
        for language, page in structure.homes.items():
            self.stdout.write(f"Public home ({language}): {page.url}")
        self.stdout.write(f"Network area: {structure.network.url}")
