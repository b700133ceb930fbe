from django.core.management.base import BaseCommand

from network_pages.community.notifications import tasks


class Command(BaseCommand):
    help = (
        "Send each member one email with the notifications they chose to receive in a daily "
        "digest (run once a day; running it again sends nothing twice)."
    )

    def handle(self, *args, **options) -> None:
        people = tasks.send_due_digests()
        self.stdout.write(f"Digests handed to the task queue: {people} recipient(s).")
