"""Resetting a member's second factor, for someone who lost their phone and backup codes."""

from django.db import transaction
from django_otp import devices_for_user
from wagtail.log_actions import log

from network_pages import revocation
from network_pages.models import MemberProfile

RESET_OTP_ACTION = "network_pages.reset_otp"


def otp_devices(user) -> list:
    """Every device of every installed django-otp plugin: TOTP apps and backup codes."""
    return list(devices_for_user(user, confirmed=None))


@transaction.atomic
def reset_two_factor(profile: MemberProfile, *, reset_by) -> int:
    """Delete the member's devices and log it; returns how many were deleted.

    Sessions verified with a deleted device stop being verified on their next request
    (django-otp looks the device up each time), so the member must enrol again.
    """
    devices = otp_devices(profile.user)
    for device in devices:
        device.delete()
    # Whoever holds the lost phone may hold the calendar link too (issue 13).
    revocation.revoke_links(profile.user)
    log(
        instance=profile,
        action=RESET_OTP_ACTION,
        user=reset_by,
        data={"devices_removed": len(devices)},
    )
    return len(devices)
