"""What waits for a member in the meetings: their attendance answer. For the network home's
"pending tasks" (the community app asks every app through a Wagtail hook)."""

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
    if not (user.is_authenticated and user.is_active):
        return MeetingPage.objects.none()
    group_names = access.group_names_of(user)
    profile = member_profiles.profile_of(user)
    # A guest group names its meeting (the source page: candidates are never aliases).
    guest_prefix = f"{participants.GUEST_GROUP_PREFIX} "
    invited = Q(
        pk__in=[
            int(number)
            for name in group_names
            if name.startswith(guest_prefix)
            and (number := name.removeprefix(guest_prefix)).isdigit()
        ]
    )
    if participants.is_focal_point(profile, group_names):
        invited |= Q(kind=MeetingKind.PLENARY)
    if profile is not None and profile.is_active and group_names & set(roles.MEMBER_GROUPS):
        on_the_list = MeetingPage.invited_members.through.objects.filter(
            meetingpage_id=OuterRef("pk"), memberprofile=profile
        )
        invited |= ~Q(kind=MeetingKind.PLENARY) & Exists(on_the_list)
    return (
        MeetingPage.objects.live()
        .filter(alias_of__isnull=True, closing__gt=timezone.now())
        .filter(invited)
        .exclude(status__in=CLOSED_STATUSES)
        .exclude(attendances__user=user)
        .order_by("opening", "pk")
    )
