"""Who is invited to a meeting, and how its guests get in (1.2, 4.1, 4.3).

* A plenary meeting (4.1) invites every active Focal Point (deputies included): computed,
  never stored per person.
* A thematic session or a joint meeting invites the members listed on it.
* External participants (experts, organisations: 1.2, 4.3) of any meeting each get a guest
  account when the meeting is published: the generic Guests group, which lets them through
  the network root, and the meeting's own guest group, which the meeting page and its
  documents' collection name. By the access rule, that opens this meeting and nothing else.
  They sign in with a one-time password like everyone.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q, QuerySet
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from network_pages import access, invitations, member_profiles, roles
from network_pages.meetings.models.choices import MeetingKind
from network_pages.meetings.models.meeting_access import MeetingAccess
from network_pages.models import MemberProfile
from network_pages.network_area import ensure_network_collection, source_of

GUEST_GROUP_PREFIX = "Guests: meeting"


@dataclass(frozen=True)
class Invitee:
    """Someone a convocation goes to."""

    name: str
    email: str
    language: str
    user_id: int | None = None
    member_state: str = ""
    organisation: str = ""
    is_guest: bool = False


def guest_group_name(meeting) -> str:
    return f"{GUEST_GROUP_PREFIX} {source_of(meeting).pk}"


def _collection_name(meeting) -> str:
    return f"Meeting {meeting.pk}: {meeting.title}"[:255]


def _restrict(restriction_model, groups: QuerySet[Group], **target) -> None:
    groups_only = restriction_model.GROUPS
    restriction = restriction_model.objects.filter(
        restriction_type=groups_only, **target
    ).first() or restriction_model.objects.create(restriction_type=groups_only, **target)
    restriction.groups.set(groups)


@transaction.atomic
def ensure_meeting_access(meeting) -> MeetingAccess:
    """The meeting's guest group and documents collection, and the restrictions naming the
    members and that group on the page and the collection (idempotent)."""
    source = source_of(meeting)
    record = (
        MeetingAccess.objects.select_related("guest_group", "documents_collection")
        .filter(meeting_id=source.pk)
        .first()
    )
    if record is None:
        group, _created = Group.objects.get_or_create(name=guest_group_name(source))
        record = MeetingAccess.objects.create(meeting_id=source.pk, guest_group=group)
    if record.documents_collection is None:
        collection = ensure_network_collection().add_child(name=_collection_name(source))
        record.documents_collection = collection
        record.save(update_fields=["documents_collection"])
    allowed = Group.objects.filter(name__in=[*roles.MEMBER_GROUPS, record.guest_group.name])
    _restrict(PageViewRestriction, allowed, page_id=source.pk)
    _restrict(CollectionViewRestriction, allowed, collection=record.documents_collection)
    return record


def documents_collection_of(meeting) -> Collection | None:
    record = MeetingAccess.objects.filter(meeting_id=source_of(meeting).pk).first()
    return record.documents_collection if record else None


@transaction.atomic
def sync_external_participants(meeting, *, invited_by=None) -> list:
    """Give each external participant a guest account and this meeting's group; take the
    group away from people no longer listed. Returns the participants' users.

    A new account gets an invitation email (on commit) to choose a password and set up a
    second factor; someone who already has an account keeps it.
    """
    source = source_of(meeting)
    record = ensure_meeting_access(source)
    User = get_user_model()
    guests_group = Group.objects.get(name=roles.GUESTS)
    users = []
    for participant in source.external_participants.all():
        user = User._default_manager.filter(email__iexact=participant.email).first()
        if user is None:
            invitation = invitations.invite_member(
                email=participant.email,
                first_name=participant.name,
                last_name="",
                role=invitations.Role.GUEST,
                profile=MemberProfile(
                    institution=participant.organisation,
                    preferred_language=participant.preferred_language,
                    function=MemberProfile.Function.GUEST,
                ),
                invited_by=invited_by,
            )
            user = invitation.user
        elif not access.is_member(user):
            user.groups.add(guests_group)
        users.append(user)
    record.guest_group.user_set.set(users)
    return users


# --- who is invited ------------------------------------------------------------------


def is_focal_point(profile: MemberProfile | None, group_names: frozenset[str]) -> bool:
    """Invited to every plenary (4.1): an active Focal Point or deputy, in the network.

    `invited_member_profiles` asks the same of the database."""
    return (
        profile is not None
        and profile.is_active
        and profile.user.is_active
        and profile.function in MemberProfile.STATE_FUNCTIONS
        and roles.FOCAL_POINTS in group_names
    )


def invited_member_profiles(meeting) -> QuerySet[MemberProfile]:
    """The members a meeting invites: every active Focal Point for a plenary (4.1), the
    listed members otherwise. Only active people who are still in the network."""
    source = source_of(meeting)
    active = MemberProfile.objects.filter(is_active=True, user__is_active=True)
    if source.kind == MeetingKind.PLENARY:
        profiles = active.filter(
            function__in=MemberProfile.STATE_FUNCTIONS, user__groups__name=roles.FOCAL_POINTS
        )
    else:
        profiles = active.filter(
            pk__in=source.invited_members.values("pk"), user__groups__name__in=roles.MEMBER_GROUPS
        )
    return (
        profiles.select_related("user", "member_state")
        .distinct()
        .order_by("member_state__name_en", "user__last_name", "user__first_name", "pk")
    )


def invitees(meeting) -> list[Invitee]:
    """Everyone a convocation goes to: invited members, then external participants.

    One entry per email address, whatever the case.
    """
    source = source_of(meeting)
    found: dict[str, Invitee] = {}
    for profile in invited_member_profiles(source):
        email = profile.user.email
        if email and email.lower() not in found:
            found[email.lower()] = Invitee(
                name=profile.display_name,
                email=email,
                language=profile.preferred_language,
                user_id=profile.user_id,
                member_state=profile.member_state.name if profile.member_state else "",
                organisation=profile.institution,
            )
    participants = list(source.external_participants.all())
    any_email = Q(pk__in=[])
    for participant in participants:
        any_email |= Q(email__iexact=participant.email)
    users_by_email = {
        user.email.lower(): user for user in get_user_model()._default_manager.filter(any_email)
    }
    for participant in participants:
        key = participant.email.lower()
        if key in found:
            continue
        user = users_by_email.get(key)
        found[key] = Invitee(
            name=participant.name,
            email=participant.email,
            language=participant.preferred_language,
            user_id=user.pk if user else None,
            organisation=participant.organisation,
            is_guest=True,
        )
    return list(found.values())


def is_invited(user, meeting, *, listed: bool | None = None) -> bool:
    """May `user` answer for this meeting (attendance)? `listed`: whether the user's
    profile is on the meeting's list of invited members, when the caller read it already.

    The rule of `invited_member_profiles`, weighed on the user's own profile and groups
    (read once per request) instead of asked of the database."""
    if not (user.is_authenticated and user.is_active):
        return False
    source = source_of(meeting)
    group_names = access.group_names_of(user)
    if guest_group_name(source) in group_names:
        return True
    profile = member_profiles.profile_of(user)
    if source.kind == MeetingKind.PLENARY:
        return is_focal_point(profile, group_names)
    if profile is None or not profile.is_active or not group_names & set(roles.MEMBER_GROUPS):
        return False
    if listed is None:
        listed = source.invited_members.filter(pk=profile.pk).exists()
    return listed
