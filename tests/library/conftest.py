"""A meeting with a guest, an open and a members-only thematic group, and their libraries."""

import pytest
from django.contrib.auth import get_user_model

from network_pages.community import thematic_groups
from network_pages.community.factories import make_thematic_group
from network_pages.community.site_setup import ensure_community_pages
from network_pages.library import places
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingKind
from network_pages.meetings.site_setup import ensure_meetings_index

EXPERT = {
    "name": "Erin Expert",
    "organisation": "Migration Research Institute",
    "email": "erin@research.example",
    "preferred_language": "fr",
}


@pytest.fixture
def session(network, focal_point, django_capture_on_commit_callbacks):
    """A thematic session with an invited external expert (a guest of this meeting only)."""
    with django_capture_on_commit_callbacks(execute=True):
        return make_meeting(
            ensure_meetings_index(network),
            title="Thematic session on reception",
            kind=MeetingKind.THEMATIC_SESSION,
            opening=days_from_today(60),
            invited=[focal_point.member_profile],
            guests=(EXPERT,),
            slug="thematic-reception",
        )


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
def open_group(community):
    return make_thematic_group(community["thematic_groups"], "Reception of children")


@pytest.fixture
def private_group(community, focal_point):
    """A members-only workspace whose only member is the French Focal Point."""
    group = make_thematic_group(
        community["thematic_groups"], "Digital asylum files", members_only=True
    )
    thematic_groups.join(focal_point, group)
    focal_point.refresh_from_db()
    return type(group).objects.get(pk=group.pk)


@pytest.fixture
def libraries(session, open_group, private_group) -> dict[str, places.Library]:
    return {
        "network": places.NETWORK,
        "meeting": places.Library(places.Kind.MEETING, session),
        "open group": places.Library(places.Kind.GROUP, open_group),
        "private group": places.Library(places.Kind.GROUP, private_group),
    }
