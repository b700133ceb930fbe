"""Build meetings for tests and demo content."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from network_pages.meetings.models import (
    AgendaItem,
    ExternalParticipant,
    MeetingIndexPage,
    MeetingKind,
    MeetingPage,
)
from network_pages.models import MemberProfile
from network_pages.network_area import mirror_into_other_locales

PARIS = ZoneInfo(settings.TIME_ZONE)


def paris(day: date, hour: int = 9, minute: int = 30) -> datetime:
    """An aware datetime on `day` at hour:minute, Paris time."""
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def days_from_today(days: int, hour: int = 9, minute: int = 30) -> datetime:
    return paris(timezone.localdate(timezone=PARIS) + timedelta(days=days), hour, minute)


def make_meeting(
    index: MeetingIndexPage,
    *,
    title: str = "Plenary meeting",
    kind: str = MeetingKind.PLENARY,
    opening: datetime | None = None,
    closing: datetime | None = None,
    agenda: tuple[str, ...] = ("Opening of the meeting", "Adoption of the agenda"),
    invited: Iterable[MemberProfile] = (),
    guests: tuple[dict, ...] = (),
    publish: bool = True,
    user=None,
    **fields,
) -> MeetingPage:
    """A meeting under `index`, published (and mirrored into French) unless told otherwise.

    `invited` are member profiles (thematic sessions, joint meetings); `guests` are dicts of
    external participant fields (name, email, organisation, preferred_language).
    """
    opening = opening or days_from_today(90)
    closing = closing or opening + timedelta(days=1, hours=7)
    fields.setdefault("venue", "Agora building, Strasbourg")
    if kind == MeetingKind.JOINT_MEETING:
        fields.setdefault("partner", "European Migration Network")
    meeting = MeetingPage(
        title=title, kind=kind, opening=opening, closing=closing, locale=index.locale, **fields
    )
    for number, item in enumerate(agenda):
        meeting.agenda_items.add(AgendaItem(title=item, sort_order=number))
    for number, guest in enumerate(guests):
        meeting.external_participants.add(ExternalParticipant(sort_order=number, **guest))
    if invited:
        meeting.invited_members.set(invited)
    index.add_child(instance=meeting)
    revision = meeting.save_revision(user=user)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)
        mirror_into_other_locales(Page.objects.get(pk=meeting.pk).specific)
    return MeetingPage.objects.get(pk=meeting.pk)
