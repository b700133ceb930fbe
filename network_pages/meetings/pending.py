"""What waits for a member in the meetings: their attendance answer. For the network home's
"pending tasks" (the community app asks every app through a Wagtail hook)."""

from collections.abc import Callable
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from network_pages import access, member_profiles, roles
from network_pages.meetings import participants
from network_pages.meetings.models import MeetingKind, MeetingPage
from network_pages.meetings.models.choices import CLOSED_STATUSES


def meetings_awaiting_answer(user) -> list[MeetingPage]:
    """Upcoming live meetings `user` is invited to and has not answered for, soonest first,
    in a fixed number of queries (the same invitation rule as `participants.is_invited`)."""
    return list(awaiting_answer(user))


def awaiting_answer(user) -> QuerySet[MeetingPage]:
    """`meetings_awaiting_answer` as a query, to read only the first few: the invitation
    rule is weighed in SQL on the user's groups and profile (read once per request)."""
    found = awaiting_answer_query(user)
    if found is None:
        return MeetingPage.objects.none()
    _name, build, arguments = found
    return build(*arguments)


def awaiting_answer_query(user) -> tuple[str, Callable[..., QuerySet], tuple] | None:
    """`awaiting_answer(user)` as a name for its shape, a function that builds it and its
    arguments (`nfp_site.prepared_sql`); None when `user` has nothing to answer."""
    if not (user.is_authenticated and user.is_active):
        return None
    group_names = access.group_names_of(user)
    profile = member_profiles.profile_of(user)
    # A guest group names its meeting (the source page: candidates are never aliases).
    guest_prefix = f"{participants.GUEST_GROUP_PREFIX} "
    guest_of = [
        int(number)
        for name in group_names
        if name.startswith(guest_prefix) and (number := name.removeprefix(guest_prefix)).isdigit()
    ]
    to_plenaries = participants.is_focal_point(profile, group_names)
    on_lists = bool(
        profile is not None and profile.is_active and group_names & set(roles.MEMBER_GROUPS)
    )

    def build(guest_of: list[int], now: datetime, user_id: int, profile_id: int) -> QuerySet:
        invited = Q(pk__in=guest_of)
        if to_plenaries:
            invited |= Q(kind=MeetingKind.PLENARY)
        if on_lists:
            on_the_list = MeetingPage.invited_members.through.objects.filter(
                meetingpage_id=OuterRef("pk"), memberprofile_id=profile_id
            )
            invited |= ~Q(kind=MeetingKind.PLENARY) & Exists(on_the_list)
        return (
            MeetingPage.objects.live()
            .filter(alias_of__isnull=True, closing__gt=now)
            .filter(invited)
            .exclude(status__in=CLOSED_STATUSES)
            .exclude(attendances__user_id=user_id)
            .order_by("opening", "pk")
        )

    name = f"meetings.awaiting_answer:{int(to_plenaries)}{int(on_lists)}"
    # A profile's id only where the query names it (it always reaches the SQL then).
    arguments = (guest_of, timezone.now(), user.pk, profile.pk if on_lists else 0)
    if not on_lists:
        return name, lambda guest_of, now, user_id: build(guest_of, now, user_id, 0), arguments[:3]
    return name, build, arguments
