import pytest

from network_pages.area_addresses import localized
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingKind
from network_pages.meetings.site_setup import ensure_meetings_index

CONFIDENTIAL = "MARKER-meeting-agenda-5e1d"


@pytest.fixture
def meetings_index(network):
    return ensure_meetings_index(network)


@pytest.fixture
def plenary(meetings_index, focal_point, other_focal_point, approver):
    """A published plenary 90 days ahead, with a draft agenda, and three Focal Points."""
    return make_meeting(
        meetings_index,
        title="Plenary meeting 2030",
        opening=days_from_today(90),
        agenda=("Opening of the meeting", f"Exchange of views {CONFIDENTIAL}"),
        slug="plenary-2030",
    )


@pytest.fixture
def thematic_session(meetings_index, focal_point, other_focal_point):
    """A thematic session inviting the French Focal Point only, and one external expert."""
    return make_meeting(
        meetings_index,
        title="Thematic session on reception",
        kind=MeetingKind.THEMATIC_SESSION,
        opening=days_from_today(60),
        invited=[focal_point.member_profile],
        guests=(
            {
                "name": "Erin Expert",
                "organisation": "Migration Research Institute",
                "email": "erin@research.example",
                "preferred_language": "fr",
            },
        ),
        slug="thematic-reception",
    )


def meeting_url(meeting, route: str = "", *, language: str = "en") -> str:
    return localized(f"/{language}/network/meetings/{meeting.slug}/{route}")
