from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from network_pages.demo import DEMO_ACCOUNTS, demo_totp_key


class Command(BaseCommand):
    help = "Print the current one-time code of a demo account (development only)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username", choices=[account.username for account in DEMO_ACCOUNTS])

    def handle(self, *args, username: str, **options) -> None:
        if not settings.NFP_ALLOW_DEMO_CONTENT:
            raise CommandError("demo_code is for development only (NFP_ALLOW_DEMO_CONTENT).")
        device = TOTPDevice.objects.filter(user__username=username, key=demo_totp_key(username))
        if not device.exists():
            raise CommandError(f"{username} has no demo device: run `manage.py seed_demo`.")
        code = TOTP(bytes.fromhex(demo_totp_key(username))).token()
        self.stdout.write(f"{code:06d}")
