from django.core.management.base import BaseCommand

from network_pages.search import indexing


class Command(BaseCommand):
    help = "Rebuild every entry of the members' search from its source (then Wagtail indexes it)."

    def handle(self, *args, **options) -> None:
        written = indexing.rebuild_all()
        self.stdout.write(f"{written} search entries written.")
