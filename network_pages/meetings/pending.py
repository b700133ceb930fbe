"""What waits for a member in the meetings: their attendance answer. For the network home's
"pending tasks" (the community app asks every app through a Wagtail hook)."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from network_pages import access, member_profiles, roles
from network_pages.meetings import participants
from network_pages.meetings.models import MeetingKind, MeetingPage
from network_pages.meetings.models.choices import CLOSED_STATUSES


def meetings_awaiting_answer(user) -> list[MeetingPage]:
    """Upcoming live meetings `user` is invited to and has not answered for, soonest first,
    in a fixed number of queries (the same invitation rule as `participants.is_invited`)."""
    if not (user.is_authenticated and user.is_active):
        return []
    # Whether the user's profile is on each meeting's list, in the same query.
    on_the_list = MeetingPage.invited_members.through.objects.filter(
        meetingpage_id=OuterRef("pk"), memberprofile__user=user
    )
    candidates = list(
        MeetingPage.objects.live()
        .filter(alias_of__isnull=True, closing__gt=timezone.now())
        .exclude(status__in=CLOSED_STATUSES)
        .exclude(attendances__user=user)
        .annotate(nfp_listed=Exists(on_the_list))
        .order_by("opening", "pk")
    )
    if not candidates:
        return []
    group_names = access.group_names_of(user)
    profile = member_profiles.profile_of(user)
    focal_point = participants.is_focal_point(profile, group_names)
    may_be_listed = bool(
        profile is not None and profile.is_active and group_names & set(roles.MEMBER_GROUPS)
    )
    return [
        meeting
        for meeting in candidates
        if participants.guest_group_name(meeting) in group_names
        or (meeting.kind == MeetingKind.PLENARY and focal_point)
        or (meeting.kind != MeetingKind.PLENARY and may_be_listed and meeting.nfp_listed)
    ]
