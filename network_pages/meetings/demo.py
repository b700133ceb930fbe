"""Demo meetings for `make run`: a convened plenary with a draft agenda and a thematic session
with the demo guest, so that every part of the meetings can be tried (idempotent).

Call it after the demo accounts exist: the plenary's convocation goes to the demo Focal
Points (printed by the console email backend) and the demo guest is invited to the session.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils.formats import date_format

from network_pages.meetings import convocation, participants
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import (
    AgendaSuggestion,
    Holiday,
    MeetingIndexPage,
    MeetingKind,
    MeetingPage,
)
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import MemberProfile, NetworkHomePage

PLENARY_SLUG = "plenary-meeting"
SESSION_SLUG = "thematic-session-reception"

HOLIDAYS = ((1, 1, "New Year's Day"), (5, 1, "Labour Day"), (12, 25, "Christmas Day"))

PLENARY_AGENDA = (
    "Opening of the meeting by the DMR",
    "Adoption of the agenda",
    "Exchange of views on the reception of asylum seekers",
    "Good practices on alternatives to detention",
    "Any other business",
)


def _first_weekday(days: int) -> int:
    """`days` from today, moved forward to a Tuesday so that the meeting is on a weekday."""
    day = convocation.today() + timedelta(days=days)
    return days + (1 - day.weekday()) % 7


def _ensure_holidays() -> None:
    year = convocation.today().year
    for holiday_year in (year, year + 1):
        for month, day, name in HOLIDAYS:
            Holiday.objects.get_or_create(
                date=date(holiday_year, month, day), defaults={"name": name}
            )


def _profiles(*usernames: str) -> list[MemberProfile]:
    return list(MemberProfile.objects.filter(user__username__in=usernames))


def _ensure_plenary(index: MeetingIndexPage, dmr) -> tuple[MeetingPage, str]:
    plenary = MeetingPage.objects.child_of(index).filter(slug=PLENARY_SLUG).first()
    if plenary is None:
        opening = days_from_today(_first_weekday(75))
        plenary = make_meeting(
            index,
            title=f"Plenary meeting {opening.year}",
            slug=PLENARY_SLUG,
            opening=opening,
            closing=opening + timedelta(days=1, hours=7, minutes=30),
            agenda=PLENARY_AGENDA,
            venue="Palais de l'Europe, Strasbourg",
            online_link="https://video.example.org/nfp-plenary",
            intro="The annual plenary meeting of the network (working methods 4.1).",
            user=dmr,
        )
    if convocation.convocations_of(plenary).exists():
        return plenary, "convened"
    try:
        convocation.send_convocation(plenary, sent_by=dmr)
    except convocation.ConvocationRefused as refused:
        return plenary, f"not convened: {refused}"
    return plenary, "convened"


def _ensure_session(index: MeetingIndexPage, dmr) -> MeetingPage:
    session = MeetingPage.objects.child_of(index).filter(slug=SESSION_SLUG).first()
    if session is None:
        guest = get_user_model().objects.filter(username="guest").first()
        guests = ()
        if guest is not None:
            guests = (
                {
                    "name": guest.get_full_name() or guest.get_username(),
                    "organisation": "Migration Research Institute",
                    "email": guest.email,
                },
            )
        opening = days_from_today(_first_weekday(18), hour=14)
        session = make_meeting(
            index,
            title="Thematic session on the reception of children",
            slug=SESSION_SLUG,
            kind=MeetingKind.THEMATIC_SESSION,
            opening=opening,
            closing=opening + timedelta(hours=3),
            agenda=("Presentation by an invited expert", "Questions and discussion"),
            venue="",
            online_link="https://video.example.org/nfp-reception",
            invited=_profiles("fp_fr", "fp_de", "fp_pl"),
            guests=guests,
            user=dmr,
        )
    participants.sync_external_participants(session, invited_by=dmr)
    return session


def _ensure_suggestion(plenary: MeetingPage) -> None:
    author = get_user_model().objects.filter(username="fp_de").first()
    if author is None:
        return
    AgendaSuggestion.objects.get_or_create(
        meeting=plenary,
        suggested_by=author,
        title="Digitalisation of asylum procedures",
        defaults={
            "rationale": "Several member states are introducing online registration.",
            "member_state": author.member_profile.member_state,
        },
    )


def seed_meetings_demo(network: NetworkHomePage) -> list[str]:
    """Create (or find) the demo meetings; return lines that tell a newcomer about them."""
    index = ensure_meetings_index(network)
    _ensure_holidays()
    dmr = get_user_model().objects.filter(username="dmr").first()
    plenary, plenary_state = _ensure_plenary(index, dmr)
    session = _ensure_session(index, dmr)
    _ensure_suggestion(plenary)
    deadline = convocation.timing_for(plenary).deadline
    return [
        f"Meetings: {index.url}",
        f"  {plenary.title} ({plenary_state}; convocation deadline "
        f"{date_format(deadline, 'Y-m-d')}): {plenary.url}",
        f"  {session.title} (the demo guest is invited; its convocation is overdue): {session.url}",
    ]
