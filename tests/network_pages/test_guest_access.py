"""1.2: an invited guest sees only what a group of their own (one meeting's guests) opens."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from network_pages import roles
from network_pages.models import DirectoryPage
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting_guests():
    return Group.objects.create(name="Guests: plenary 2027")


def open_to(page, *group_names):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=group_names))


def test_guest_without_a_group_of_their_own_sees_nothing_in_the_network(client, network, guest):
    client = sign_in(client, guest)

    # The network home sends a guest to their meetings (1.2): here, none.
    response = client.get("/en/network/")
    assert response.status_code == 302
    assert response["Location"] == "/en/your-meetings/"
    assert "No upcoming meeting." in client.get("/en/your-meetings/").content.decode()
    assert client.get("/en/network/directory/").status_code == 403


def test_guest_sees_a_page_that_names_their_own_group(client, network, guest, meeting_guests):
    directory = DirectoryPage.objects.get(locale__language_code="en")
    open_to(directory, *roles.MEMBER_GROUPS, meeting_guests.name)
    guest.groups.add(meeting_guests)

    response = sign_in(client, guest).get("/en/network/directory/")

    assert response.status_code == 200


def test_guest_of_another_meeting_is_refused(client, network, guest, meeting_guests):
    directory = DirectoryPage.objects.get(locale__language_code="en")
    open_to(directory, *roles.MEMBER_GROUPS, meeting_guests.name)
    guest.groups.add(Group.objects.create(name="Guests: thematic session"))

    response = sign_in(client, guest).get("/en/network/directory/")

    assert response.status_code == 403


def test_members_still_see_a_page_opened_to_guests(client, network, focal_point, meeting_guests):
    directory = DirectoryPage.objects.get(locale__language_code="en")
    open_to(directory, *roles.MEMBER_GROUPS, meeting_guests.name)

    assert sign_in(client, focal_point).get("/en/network/directory/").status_code == 200
