from django.core.management.base import BaseCommand

from home.site_setup import ensure_home_pages
from network_pages.network_area import ensure_network_area


class Command(BaseCommand):
    help = "Create the pages every installation needs (idempotent; safe in production)."

    def handle(self, *args, **options) -> None:
        homes = ensure_home_pages()
        network = ensure_network_area(homes["en"])
        for language, page in homes.items():
            self.stdout.write(f"Public home ({language}): {page.url}")
        self.stdout.write(f"Network area: {network.url}")
