"""Inviting members into the network (working methods 1.1, 1.2).

The DMR Secretariat invites a person by email: an account without a password, the groups of
the chosen role, a member profile, and a single-use link valid for seven days. The invitee
sets a password and a second factor through that link (`accounts:invitation`).

Only the link carries the token: the database keeps its digest, the audit log neither. That
is also why the email is sent on commit from the request rather than queued as a background
task, whose arguments a database task backend would store.
"""

from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from network_pages import roles
from network_pages.models import Invitation, MemberProfile
from network_pages.models.invitation import INVITATION_LIFETIME

INVITE_ACTION = "network_pages.invite"
RESEND_ACTION = "network_pages.resend_invitation"

SUBJECT_TEMPLATE = "network_pages/emails/invitation_subject.txt"
TEXT_TEMPLATE = "network_pages/emails/invitation.txt"
HTML_TEMPLATE = "network_pages/emails/invitation.html"


class Role(models.TextChoices):
    """What an invitation makes of its invitee (DESIGN.md, people and roles)."""

    FOCAL_POINT = "focal_point", _("Focal Point")
    NETWORK_APPROVER = "network_approver", _("Network approver (also a Focal Point)")
    DMR_SECRETARIAT = "dmr_secretariat", _("DMR Secretariat")
    GUEST = "guest", _("Guest")


ROLE_GROUPS = {
    Role.FOCAL_POINT: (roles.FOCAL_POINTS,),
    Role.NETWORK_APPROVER: (roles.FOCAL_POINTS, roles.NETWORK_APPROVERS),
    Role.DMR_SECRETARIAT: (roles.DMR_SECRETARIAT,),
    Role.GUEST: (roles.GUESTS,),
}

# 1.1: Focal Points (and the approvers chosen among them) are designated by a member state.
STATE_ROLES = (Role.FOCAL_POINT, Role.NETWORK_APPROVER)


class InvitationError(Exception):
    """The invitation cannot be sent; the message says why and can be shown to the DMR."""


def function_for(role: str, chosen: str | None = None) -> str:
    """The profile function a role implies: Focal Points choose focal point or deputy."""
    if role in STATE_ROLES:
        if chosen in MemberProfile.STATE_FUNCTIONS:
            return chosen
        return MemberProfile.Function.FOCAL_POINT
    if role == Role.DMR_SECRETARIAT:
        return MemberProfile.Function.SECRETARIAT
    return MemberProfile.Function.GUEST


def email_is_taken(email: str) -> bool:
    return get_user_model()._default_manager.filter(email__iexact=email).exists()


def username_for(email: str) -> str:
    """A free username derived from the email address (usernames are at most 150 long)."""
    manager = get_user_model()._default_manager
    base = email.strip().lower()[:150]
    candidate, number = base, 2
    while manager.filter(username__iexact=candidate).exists():
        suffix = f"-{number}"
        candidate = f"{base[: 150 - len(suffix)]}{suffix}"
        number += 1
    return candidate


def accepted_invitation_exists(user_ref: str = "user") -> Exists:
    """For annotating a queryset: has the user (at `user_ref`) used an invitation?"""
    return Exists(Invitation.objects.filter(user=OuterRef(user_ref), used_at__isnull=False))


def awaiting_acceptance(user, *, has_accepted: bool | None = None) -> bool:
    """Invited (or created without a password) and never signed up through a link.

    `has_accepted` lets a listing pass an annotation instead of a query per row.
    """
    if not user.is_active or user.has_usable_password():
        return False
    if has_accepted is None:
        has_accepted = user.invitations.filter(used_at__isnull=False).exists()
    return not has_accepted


@transaction.atomic
def invite_member(
    *,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    profile: MemberProfile,
    invited_by,
) -> Invitation:
    """Create the account, its groups and `profile` (unsaved, no user yet), then invite.

    The email goes out once the transaction commits, so a rollback sends nothing.
    """
    if email_is_taken(email):
        raise InvitationError(_("A user with this email address already exists."))
    user = get_user_model()._default_manager.create_user(
        username=username_for(email),
        email=email,
        password=None,  # unusable until the invitee chooses one
        first_name=first_name,
        last_name=last_name,
    )
    user.groups.set(Group.objects.filter(name__in=ROLE_GROUPS[role]))

    profile.user = user
    profile.function = function_for(role, profile.function)
    profile.full_clean()
    profile.save()

    invitation, token = Invitation.issue(user, created_by=invited_by)
    log(
        instance=profile,
        action=INVITE_ACTION,
        user=invited_by,
        data={"invitation": invitation.pk, "role": str(role), "expires_at": _iso(invitation)},
    )
    transaction.on_commit(partial(send_invitation_email, invitation, token), robust=True)
    return invitation


@transaction.atomic
def resend_invitation(profile: MemberProfile, *, invited_by) -> Invitation:
    """A new link for someone who has not accepted yet; every earlier link stops working."""
    user = profile.user
    if not awaiting_acceptance(user):
        raise InvitationError(_("This member has already accepted the invitation."))
    now = timezone.now()
    user.invitations.filter(used_at__isnull=True, expires_at__gt=now).update(expires_at=now)

    invitation, token = Invitation.issue(user, created_by=invited_by)
    log(
        instance=profile,
        action=RESEND_ACTION,
        user=invited_by,
        data={"invitation": invitation.pk, "expires_at": _iso(invitation)},
    )
    transaction.on_commit(partial(send_invitation_email, invitation, token), robust=True)
    return invitation


def invitation_language(user) -> str:
    profile = MemberProfile.objects.filter(user=user).first()
    return profile.preferred_language if profile else settings.LANGUAGE_CODE


def invitation_url(token: str) -> str:
    """The absolute link, in the active language (/en/ or /fr/)."""
    path = reverse("accounts:invitation", kwargs={"token": token})
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def send_invitation_email(invitation: Invitation, token: str) -> None:
    """Plain text with an HTML alternative, in the invitee's language. Nothing confidential:
    who is invited, to what, the link and until when it works."""
    user = invitation.user
    with translation.override(invitation_language(user)):
        context = {
            "name": user.get_full_name() or user.get_username(),
            "site_name": gettext("Network of Focal Points on Migration"),
            "url": invitation_url(token),
            "expires_at": invitation.expires_at,
            "lifetime_days": INVITATION_LIFETIME.days,
        }
        subject = " ".join(render_to_string(SUBJECT_TEMPLATE, context).split())
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string(TEXT_TEMPLATE, context),
            to=[user.email],
        )
        message.attach_alternative(render_to_string(HTML_TEMPLATE, context), "text/html")
    message.send()


def _iso(invitation: Invitation) -> str:
    return invitation.expires_at.isoformat()
