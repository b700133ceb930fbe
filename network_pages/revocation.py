"""Links that stand for a member without the sign-in steps die with the member's access.

An invitation link (it sets the password) and a calendar feed link (it lists the meetings
the member may open) work without a session. So they are revoked when the member signs
out everywhere, when the DMR resets their second factor, and when the account (or its
profile) is deactivated (issue 13). Apps owning such links connect to `links_revoked`.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import Signal
from django.utils import timezone

from network_pages.models import Invitation, MemberProfile

# Sent with `user`: every link standing for that user must stop working.
links_revoked = Signal()


def revoke_links(user) -> None:
    links_revoked.send(sender=type(user), user=user)


def expire_invitations(sender, user, **kwargs) -> None:
    """Outstanding invitations stop working (the account keeps its used ones as history)."""
    now = timezone.now()
    Invitation.objects.filter(user=user, used_at__isnull=True, expires_at__gt=now).update(
        expires_at=now
    )


def revoke_when_deactivated(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance.is_active:
        return
    revoke_links(instance.user if isinstance(instance, MemberProfile) else instance)


def connect() -> None:
    links_revoked.connect(expire_invitations, dispatch_uid="nfp_expire_invitations")
    for model in (get_user_model(), MemberProfile):
        post_save.connect(
            revoke_when_deactivated,
            sender=model,
            dispatch_uid=f"nfp_revoke_when_deactivated_{model._meta.label_lower}",
        )
