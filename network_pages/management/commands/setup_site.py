from django.core.management.base import BaseCommand

from home.site_setup import ensure_home_pages


class Command(BaseCommand):
    help = "Create the pages every installation needs (idempotent; safe in production)."

    def handle(self, *args, **options) -> None:
        homes = ensure_home_pages()
        for language, page in homes.items():
            self.stdout.write(f"{language}: {page.url}")
