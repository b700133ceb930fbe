"""Build members, devices and codes for tests and demo content."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from network_pages import roles
from network_pages.accounts.devices import AUTHENTICATOR_NAME
from network_pages.accounts.devices import replace_backup_codes as replace_backup_codes
from network_pages.models import MemberProfile, MemberState

User = get_user_model()

DEFAULT_FUNCTION = {
    roles.FOCAL_POINTS: MemberProfile.Function.FOCAL_POINT,
    roles.NETWORK_APPROVERS: MemberProfile.Function.FOCAL_POINT,
    roles.DMR_SECRETARIAT: MemberProfile.Function.SECRETARIAT,
    roles.GUESTS: MemberProfile.Function.GUEST,
}


def make_member(
    username: str,
    *,
    groups: tuple[str, ...] = (roles.FOCAL_POINTS,),
    state: str | None = "FR",
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str | None = None,
    **profile_fields,
):
    """A user in `groups` with a profile; Focal Points represent `state` (ISO code).
    Their one email address is `email`, by default username@example.org."""
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.org" if email is None else email,
        password=password,
        first_name=first_name or username.capitalize(),
        last_name=last_name or "Tester",
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    function = profile_fields.pop("function", DEFAULT_FUNCTION[groups[0]] if groups else "guest")
    member_state = (
        MemberState.objects.get(code=state)
        if state and function in MemberProfile.STATE_FUNCTIONS
        else None
    )
    MemberProfile.objects.create(
        user=user, member_state=member_state, function=function, **profile_fields
    )
    return user


def add_totp_device(user, *, key: str | None = None, confirmed: bool = True) -> TOTPDevice:
    fields = {"user": user, "name": AUTHENTICATOR_NAME, "confirmed": confirmed}
    if key:
        fields["key"] = key
    return TOTPDevice.objects.create(**fields)
