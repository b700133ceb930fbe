"""The meetings' fixtures. The plenary is built once per module (tests/module_data.py) and
read again by id for each test; the Focal Points it needs are found if it made them."""

import pytest

from home.site_setup import ensure_home_pages
from network_pages.area_addresses import localized
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingKind, MeetingPage
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.network_area import ensure_network_area
from tests.accounts import account
from tests.module_data import every_test_asks_for

CONFIDENTIAL = "MARKER-meeting-agenda-5e1d"


@pytest.fixture
def meetings_index(network):
    return ensure_meetings_index(network)


# The Focal Points the plenary's fixture gives (tests/conftest.py's accounts).
PLENARY_MEMBERS = ("fp_fr", "fp_de", "approver")


def make_plenary(meetings_index) -> MeetingPage:
    return make_meeting(
        meetings_index,
        title="Plenary meeting 2030",
        opening=days_from_today(90),
        agenda=("Opening of the meeting", f"Exchange of views {CONFIDENTIAL}"),
        slug="plenary-2030",
    )


@pytest.fixture(scope="module")
def _plenary_of_the_module(request, module_transaction) -> int | None:
    """Built once per module where every test asks for it (publishing a meeting is most of
    what such a test would cost); None elsewhere, the plenary then built per test."""
    if not every_test_asks_for(request, "plenary"):
        return None
    with module_transaction():
        network = ensure_network_area(ensure_home_pages()["en"])
        for username in PLENARY_MEMBERS:
            account(username)
        return make_plenary(ensure_meetings_index(network)).pk


@pytest.fixture
def plenary(
    _plenary_of_the_module, meetings_index, focal_point, other_focal_point, approver
) -> MeetingPage:
    """A published plenary 90 days ahead, with a draft agenda, and three Focal Points."""
    if _plenary_of_the_module is None:
        return make_plenary(meetings_index)
    return MeetingPage.objects.get(pk=_plenary_of_the_module)


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
