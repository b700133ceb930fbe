"""The DMR's "what needs doing" about people and emails: invitations not accepted yet
(1.1, 1.2) and emails the outbox gave up on (they wait for "Send again")."""

from django.contrib.auth.models import User
from django.db.models import CharField, DateTimeField, F, IntegerField, Value
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
    first_and_total_of_each,
    first_of,
)
from network_pages.models import Invitation
from nfp_site.operations.models import OutboundEmail


def _waiting_invitations():
    return (
        Invitation.objects.filter(used_at=None)
        .exclude(user__invitations__used_at__isnull=False)
        .order_by("-created_at", "-pk")
    )


def _failed_emails():
    return OutboundEmail.objects.filter(status=OutboundEmail.Status.FAILED).order_by(
        "-created_at", "-pk"
    )


# The columns of both lists, read together (`_membership_lists`): an email's subject, or an
# invitation with its person's name and profile.
_COLUMNS = (
    "nfp_part",
    "nfp_total",
    "nfp_pk",
    "nfp_created",
    "nfp_text",
    "nfp_last_name",
    "nfp_username",
    "nfp_user",
    "nfp_profile",
    "nfp_expires",
)
_FAILED, _INVITED = 0, 1
# Invitations read to keep the latest of `ITEMS_SHOWN` people (some have several).
INVITATIONS_READ = ITEMS_SHOWN * 3


def _membership_lists():
    no_text = Value(None, output_field=CharField())
    no_number = Value(None, output_field=IntegerField())
    failed = (
        first_of(_FAILED, _failed_emails())
        .annotate(
            nfp_pk=F("pk"),
            nfp_created=F("created_at"),
            nfp_text=F("subject"),
            nfp_last_name=no_text,
            nfp_username=no_text,
            nfp_user=no_number,
            nfp_profile=no_number,
            nfp_expires=Value(None, output_field=DateTimeField()),
        )
        .values_list(*_COLUMNS)
    )
    invited = (
        first_of(_INVITED, _waiting_invitations(), limit=INVITATIONS_READ)
        .annotate(
            nfp_pk=F("pk"),
            nfp_created=F("created_at"),
            nfp_text=F("user__first_name"),
            nfp_last_name=F("user__last_name"),
            nfp_username=F("user__username"),
            nfp_user=F("user_id"),
            nfp_profile=F("user__member_profile__id"),
            nfp_expires=F("expires_at"),
        )
        .values_list(*_COLUMNS)
    )
    return failed.union(invited, all=True)


def _newest_first(rows: list[tuple]) -> list[dict]:
    found = [dict(zip(_COLUMNS, row, strict=True)) for row in rows]
    return sorted(found, key=lambda row: (row["nfp_created"], row["nfp_pk"]), reverse=True)


def pending_invitations(rows: list[tuple]) -> WorkList:
    """People invited who have not set their password yet (the latest invitation each)."""
    latest: dict[int, dict] = {}
    for invitation in _newest_first(rows):
        latest.setdefault(invitation["nfp_user"], invitation)
    now = timezone.now()
    items = []
    for invitation in list(latest.values())[:ITEMS_SHOWN]:
        user = User(
            id=invitation["nfp_user"],
            first_name=invitation["nfp_text"],
            last_name=invitation["nfp_last_name"],
            username=invitation["nfp_username"],
        )
        profile = invitation["nfp_profile"]
        expired = invitation["nfp_expires"] <= now
        items.append(
            WorkItem(
                title=user.get_full_name() or user.get_username(),
                url=reverse(f"{PROFILES}:edit", args=[profile]) if profile else "",
                detail=gettext("Invited on %(day)s")
                % {"day": date_format(invitation["nfp_created"], "DATE_FORMAT")},
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


def failed_emails(rows: list[tuple], total: int | None) -> WorkList:
    items = [
        WorkItem(
            title=email["nfp_text"],
            url=reverse("outgoing_emails:send_again", args=[email["nfp_pk"]]),
            detail=gettext("Queued on %(day)s")
            % {"day": date_format(email["nfp_created"], "DATE_FORMAT")},
            status=gettext("Failed: send it again"),
        )
        for email in _newest_first(rows)
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
    # Both lists in one query (`first_and_total_of_each`).
    (failed, failed_total), (invited, _total) = first_and_total_of_each(
        "admin.membership", _membership_lists, columns=_COLUMNS, parts=2
    )
    return [failed_emails(failed, failed_total), pending_invitations(invited)]
