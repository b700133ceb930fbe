"""A meeting with a guest, an open and a members-only thematic group, and their libraries.
They are built once per module (tests/module_data.py) and read again by id for each test."""

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase

from home.site_setup import ensure_home_pages
from network_pages import roles
from network_pages.community import thematic_groups
from network_pages.community.factories import make_thematic_group
from network_pages.community.models import ThematicGroupPage
from network_pages.community.site_setup import ensure_community_pages
from network_pages.factories import make_member
from network_pages.library import places
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingKind, MeetingPage
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.network_area import ensure_network_area
from tests.conftest import PASSWORD
from tests.module_data import found_or_made

EXPERT = {
    "name": "Erin Expert",
    "organisation": "Migration Research Institute",
    "email": "erin@research.example",
    "preferred_language": "fr",
}


def make_focal_point():
    return make_member("fp_fr", groups=(roles.FOCAL_POINTS,), state="FR", password=PASSWORD)


@pytest.fixture
def focal_point(db):
    """The French Focal Point (tests/conftest.py's), found if the module's places made it."""
    return found_or_made("fp_fr", make_focal_point)


@pytest.fixture(scope="module")
def _places_of_the_module(module_transaction) -> dict[str, int]:
    """The session and the two groups, built once per module: publishing them is most of
    what a library test would otherwise cost."""
    with module_transaction():
        network = ensure_network_area(ensure_home_pages()["en"])
        member = found_or_made("fp_fr", make_focal_point)
        with TestCase.captureOnCommitCallbacks(execute=True):
            session = make_meeting(
                ensure_meetings_index(network),
                title="Thematic session on reception",
                kind=MeetingKind.THEMATIC_SESSION,
                opening=days_from_today(60),
                invited=[member.member_profile],
                guests=(EXPERT,),
                slug="thematic-reception",
            )
        groups = ensure_community_pages(network)["thematic_groups"]
        open_group = make_thematic_group(groups, "Reception of children")
        private_group = make_thematic_group(groups, "Digital asylum files", members_only=True)
        thematic_groups.join(member, private_group)
        return {"session": session.pk, "open": open_group.pk, "private": private_group.pk}


@pytest.fixture
def session(network, focal_point, _places_of_the_module) -> MeetingPage:
    """A thematic session with an invited external expert (a guest of this meeting only)."""
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
def open_group(community, _places_of_the_module) -> ThematicGroupPage:
    return ThematicGroupPage.objects.get(pk=_places_of_the_module["open"])


@pytest.fixture
def private_group(community, focal_point, _places_of_the_module) -> ThematicGroupPage:
    """A members-only workspace whose only member is the French Focal Point."""
    return ThematicGroupPage.objects.get(pk=_places_of_the_module["private"])


@pytest.fixture
def libraries(session, open_group, private_group) -> dict[str, places.Library]:
    return {
        "network": places.NETWORK,
        "meeting": places.Library(places.Kind.MEETING, session),
        "open group": places.Library(places.Kind.GROUP, open_group),
        "private group": places.Library(places.Kind.GROUP, private_group),
    }
