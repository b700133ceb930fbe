"""`manage.py check --deploy` fails where demo accounts exist outside development.

A demo account's password is in the README and its TOTP key derives from public code
(`demo.demo_totp_key`): on a real site it is an open door (issue 13, 10). An account is a
demo account when it has a demo username and still the demo password or a demo TOTP key.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import checks
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from network_pages.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_totp_key


def demo_accounts_present() -> list[str]:
    usernames = [account.username for account in DEMO_ACCOUNTS]
    found = []
    for user in get_user_model()._default_manager.filter(username__in=usernames):
        demo_key = demo_totp_key(user.username)
        has_demo_key = TOTPDevice.objects.filter(user=user, key=demo_key).exists()
        if has_demo_key or user.check_password(DEMO_PASSWORD):
            found.append(user.username)
    return sorted(found)


@checks.register(checks.Tags.security, deploy=True)
def no_demo_accounts_in_production(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if settings.NFP_ALLOW_DEMO_CONTENT:
        return []  # development: the demo is the point
    try:
        found = demo_accounts_present()
    except DatabaseError:
        return []  # no database yet: nothing to find
    if not found:
        return []
    return [
        checks.Error(
            _("Demo accounts exist on this site: %(names)s.") % {"names": ", ".join(found)},
            hint=_(
                "Their password and second-factor keys are public. Delete these accounts "
                "(or at least deactivate them and remove their devices) before going live."
            ),
            id="network_pages.E002",
        )
    ]
