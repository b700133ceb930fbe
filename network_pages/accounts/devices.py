"""A member's second factors: one authenticator app (TOTP) and a set of backup codes.

Codes are checked with django-otp's own devices, under a row lock, so that its throttling
(exponential delays after failures) and its single use of each code hold even when two
requests race.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from django.db import transaction
from django.utils.translation import gettext
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_NAME = "Authenticator app"
BACKUP_CODES_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10


def authenticator_of(user) -> TOTPDevice | None:
    """The confirmed authenticator app that signs this user in (the latest, if several)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def display_name(device: Device) -> str:
    """The device's name in the reader's language (the stored name is the English one)."""
    if device.name == AUTHENTICATOR_NAME:
        return gettext("Authenticator app")
    if device.name == BACKUP_CODES_NAME:
        return gettext("Backup codes")
    return device.name


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def authenticators_of(user) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk"))


def backup_device_of(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, name=BACKUP_CODES_NAME, confirmed=True).first()


def backup_codes_left(user) -> int:
    device = backup_device_of(user)
    return device.token_set.count() if device else 0


def replace_backup_codes(user, count: int = BACKUP_CODE_COUNT) -> list[str]:
    """Issue fresh single-use backup codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_CODES_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def pending_authenticator(user) -> TOTPDevice:
    """The one unconfirmed authenticator being set up: reused, so its key stays stable."""
    pending = list(TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk"))
    if not pending:
        return TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    for extra in pending[1:]:
        extra.delete()
    return pending[0]


@transaction.atomic
def confirm_authenticator(device: TOTPDevice) -> list[str]:
    """Make `device` the user's authenticator (it replaces any other) and issue new codes.

    Returns the new backup codes: the only time they exist outside the database.
    """
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    return replace_backup_codes(device.user)


class Outcome(Enum):
    ACCEPTED = "accepted"
    REFUSED = "refused"  # wrong, already used, or no such device
    THROTTLED = "throttled"  # too many recent failures: not even checked


@dataclass(frozen=True)
class CodeCheck:
    outcome: Outcome
    device: Device | None = None
    locked_until: datetime | None = None


def check_code(device: Device | None, code: str) -> CodeCheck:
    """Check `code` against `device`; a failure counts towards the device's throttle."""
    if device is None:
        return CodeCheck(Outcome.REFUSED)
    with transaction.atomic():
        locked = type(device).objects.select_for_update().filter(pk=device.pk).first()
        if locked is None:
            return CodeCheck(Outcome.REFUSED)
        allowed, details = locked.verify_is_allowed()
        if not allowed:
            return CodeCheck(Outcome.THROTTLED, locked_until=(details or {}).get("locked_until"))
        if locked.verify_token(code):
            return CodeCheck(Outcome.ACCEPTED, device=locked)
    return CodeCheck(Outcome.REFUSED)
