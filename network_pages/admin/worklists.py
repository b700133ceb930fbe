"""The DMR's "what needs doing" about people and emails: invitations not accepted yet
(1.1, 1.2) and emails the outbox gave up on (they wait for "Send again")."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from network_pages import access
from network_pages.admin.viewsets import PROFILES
from network_pages.community.worklists import (
    ITEMS_SHOWN,
    WorkItem,
    WorkList,
    prepared_first_and_total,
)
from network_pages.models import Invitation
from nfp_site.operations.models import OutboundEmail
from nfp_site.prepared_sql import prepared_objects


def _waiting_invitations():
    return (
        Invitation.objects.filter(used_at=None)
        .exclude(user__invitations__used_at__isnull=False)
        .select_related("user__member_profile")
        .order_by("-created_at", "-pk")[: ITEMS_SHOWN * 3]
    )


def pending_invitations() -> WorkList:
    """People invited who have not set their password yet (the latest invitation each)."""
    latest: dict[int, Invitation] = {}
    for invitation in prepared_objects("admin.pending_invitations", _waiting_invitations):
        latest.setdefault(invitation.user_id, invitation)
    now = timezone.now()
    items = []
    for invitation in list(latest.values())[:ITEMS_SHOWN]:
        user = invitation.user
        profile = getattr(user, "member_profile", None)
        expired = invitation.expires_at <= now
        items.append(
            WorkItem(
                title=user.get_full_name() or user.get_username(),
                url=reverse(f"{PROFILES}:edit", args=[profile.pk]) if profile else "",
                detail=gettext("Invited on %(day)s")
                % {"day": date_format(invitation.created_at, "DATE_FORMAT")},
                status=gettext("Invitation expired: send it again")
                if expired
                else gettext("Not accepted yet"),
                needs_action=expired,
            )
        )
    return WorkList(
        key="pending-invitations",
        title=gettext("Invitations not accepted yet"),
        items=items,
        empty=gettext("Every invitation has been accepted."),
        more_url=reverse(f"{PROFILES}:index"),
        more_label=gettext("Members"),
        order=80,
        on_admin_dashboard=True,
    )


def _failed_emails():
    return OutboundEmail.objects.filter(status=OutboundEmail.Status.FAILED).order_by(
        "-created_at", "-pk"
    )


def failed_emails() -> WorkList:
    emails, total = prepared_first_and_total("failed_emails", _failed_emails)
    items = [
        WorkItem(
            title=email.subject,
            url=reverse("outgoing_emails:send_again", args=[email.pk]),
            detail=gettext("Queued on %(day)s")
            % {"day": date_format(email.created_at, "DATE_FORMAT")},
            status=gettext("Failed: send it again"),
        )
        for email in emails
    ]
    return WorkList(
        key="failed-emails",
        title=gettext("Emails that could not be sent"),
        items=items,
        total=total,
        empty=gettext("No email has failed."),
        more_url=reverse("outgoing_emails:index") + "?status=failed",
        more_label=gettext("Outgoing emails"),
        order=25,
        on_admin_dashboard=True,
    )


def membership_work_lists(user, request=None) -> list[WorkList]:
    if not access.is_dmr(user):
        return []
    return [failed_emails(), pending_invitations()]
