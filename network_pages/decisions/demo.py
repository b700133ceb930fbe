"""Demo content of the register and the date polls (`seed_demo`): last year's plenary with
its decisions and action points, and a date poll for a thematic session to come."""

from datetime import timedelta

from django.contrib.auth import get_user_model

from network_pages.date_polls.models import DateOption, DatePoll
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingKind, MeetingPage
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import MemberState, NetworkHomePage

from .models import ActionPoint, Decision, OwnerKind

PAST_PLENARY_SLUG = "plenary-last-year"
POLLED_SESSION_SLUG = "thematic-session-digitalisation"


def _past_plenary(network: NetworkHomePage, dmr) -> MeetingPage:
    index = ensure_meetings_index(network)
    meeting = MeetingPage.objects.child_of(index).filter(slug=PAST_PLENARY_SLUG).first()
    if meeting is None:
        opening = days_from_today(-300)
        meeting = make_meeting(
            index,
            title=f"Plenary meeting {opening.year}",
            slug=PAST_PLENARY_SLUG,
            opening=opening,
            closing=opening + timedelta(days=1, hours=7),
            agenda=("Opening of the meeting", "Digitalisation of asylum procedures"),
            venue="Palais de l'Europe, Strasbourg",
            user=dmr,
        )
    return meeting


def _outcome(meeting: MeetingPage) -> None:
    if Decision.objects.filter(meeting=meeting).exists():
        return
    item = meeting.agenda_items.order_by("sort_order").last()
    decision = Decision.objects.create(
        meeting=meeting,
        agenda_item=item,
        text="The network prepares a compilation of practices on the digitalisation of asylum "
        "files.",
    )
    ActionPoint.objects.create(
        meeting=meeting,
        decision=decision,
        description="Share the national guide on electronic asylum files.",
        owner_state=MemberState.objects.get(code="FR"),
        due_date=days_from_today(-20).date(),
    )
    ActionPoint.objects.create(
        meeting=meeting,
        decision=decision,
        description="Report on the pilot of online registration.",
        owner_state=MemberState.objects.get(code="DE"),
        due_date=days_from_today(40).date(),
    )
    ActionPoint.objects.create(
        meeting=meeting,
        description="Circulate the draft compilation to the Focal Points.",
        owner_kind=OwnerKind.DMR,
        due_date=days_from_today(60).date(),
    )


def _date_poll(network: NetworkHomePage, dmr) -> DatePoll:
    index = ensure_meetings_index(network)
    session = MeetingPage.objects.child_of(index).filter(slug=POLLED_SESSION_SLUG).first()
    if session is None:
        opening = days_from_today(120, hour=14)
        session = make_meeting(
            index,
            title="Thematic session on digitalisation",
            slug=POLLED_SESSION_SLUG,
            kind=MeetingKind.THEMATIC_SESSION,
            opening=opening,
            closing=opening + timedelta(hours=3),
            online_link="https://video.example.org/nfp-digital",
            venue="",
            user=dmr,
        )
    poll = DatePoll.objects.filter(meeting=session).first()
    if poll is None:
        poll = DatePoll.objects.create(
            meeting=session,
            message="Which afternoon suits your state?",
            answer_by=days_from_today(30).date(),
        )
        for days in (110, 117, 124):
            opening = days_from_today(days, hour=14)
            DateOption.objects.create(
                poll=poll, opening=opening, closing=opening + timedelta(hours=3)
            )
    return poll


def seed_register_demo(network: NetworkHomePage) -> list[str]:
    dmr = get_user_model().objects.filter(username="dmr").first()
    meeting = _past_plenary(network, dmr)
    _outcome(meeting)
    poll = _date_poll(network, dmr)
    return [
        f"Register of decisions and action points: /en/network/register/ ({meeting.title}; "
        "France's action is overdue)",
        f"Date poll: /en/network/date-polls/{poll.pk}/ (answer as fp_fr, decide as dmr)",
        "Members' search: /en/network/search/?q=digitalisation",
    ]
