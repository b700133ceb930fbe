"""A meeting with a guest, an open and a members-only thematic group, and their libraries.
They are built once per module (tests/module_data.py) and read again by id for each test."""

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase

from home.site_setup import ensure_home_pages
from network_pages.community import thematic_groups
from network_pages.community.factories import make_thematic_group
from network_pages.community.models import ThematicGroupPage
from network_pages.community.site_setup import ensure_community_pages
from network_pages.library import places
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingKind, MeetingPage
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.network_area import ensure_network_area
from tests.accounts import account
from tests.module_data import every_test_asks_for

EXPERT = {
    "name": "Erin Expert",
    "organisation": "Migration Research Institute",
    "email": "erin@research.example",
    "preferred_language": "fr",
}


def make_session(network, member) -> MeetingPage:
    with TestCase.captureOnCommitCallbacks(execute=True):
        return make_meeting(
            ensure_meetings_index(network),
            title="Thematic session on reception",
            kind=MeetingKind.THEMATIC_SESSION,
            opening=days_from_today(60),
            invited=[member.member_profile],
            guests=(EXPERT,),
            slug="thematic-reception",
        )


def make_open_group(community) -> ThematicGroupPage:
    return make_thematic_group(community["thematic_groups"], "Reception of children")


def make_private_group(community, member) -> ThematicGroupPage:
    group = make_thematic_group(
        community["thematic_groups"], "Digital asylum files", members_only=True
    )
    thematic_groups.join(member, group)
    member.refresh_from_db()
    return type(group).objects.get(pk=group.pk)


PLACES = ("session", "open_group", "private_group")


@pytest.fixture(scope="module")
def _places_of_the_module(request, module_transaction) -> dict[str, int] | None:
    """The session and the two groups, built once per module where every test asks for all
    three (publishing them is most of what such a test would cost); None elsewhere, each
    then built per test that asks for it."""
    if not all(every_test_asks_for(request, place) for place in PLACES):
        return None
    with module_transaction():
        network = ensure_network_area(ensure_home_pages()["en"])
        community = ensure_community_pages(network)
        member = account("fp_fr")
        return {
            "session": make_session(network, member).pk,
            "open_group": make_open_group(community).pk,
            "private_group": make_private_group(community, member).pk,
        }


@pytest.fixture
def session(_places_of_the_module, network, focal_point) -> MeetingPage:
    """A thematic session with an invited external expert (a guest of this meeting only)."""
    if _places_of_the_module is None:
        return make_session(network, focal_point)
    return MeetingPage.objects.get(pk=_places_of_the_module["session"])


@pytest.fixture
def other_meeting(network):
    return make_meeting(
        ensure_meetings_index(network), title="Plenary meeting", slug="plenary-library"
    )


@pytest.fixture
def expert(session):
    return get_user_model().objects.get(email=EXPERT["email"])


@pytest.fixture
def community(network):
    return ensure_community_pages(network)


@pytest.fixture
def open_group(_places_of_the_module, community) -> ThematicGroupPage:
    if _places_of_the_module is None:
        return make_open_group(community)
    return ThematicGroupPage.objects.get(pk=_places_of_the_module["open_group"])


@pytest.fixture
def private_group(_places_of_the_module, community, focal_point) -> ThematicGroupPage:
    """A members-only workspace whose only member is the French Focal Point."""
    if _places_of_the_module is None:
        return make_private_group(community, focal_point)
    return ThematicGroupPage.objects.get(pk=_places_of_the_module["private_group"])


@pytest.fixture
def libraries(session, open_group, private_group) -> dict[str, places.Library]:
    return {
        "network": places.NETWORK,
        "meeting": places.Library(places.Kind.MEETING, session),
        "open group": places.Library(places.Kind.GROUP, open_group),
        "private group": places.Library(places.Kind.GROUP, private_group),
    }
