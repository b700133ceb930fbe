"""Issue 18: one listing of every library entry a reader may read, across the network's, the
meetings' and the thematic groups' libraries, with the libraries' filters and dates, 20 a
page, at a fixed number of queries. A library one may not read leaves no trace in it: no
entry, no count, no choice in the filters."""

import datetime

import pytest
from django.test import Client

from network_pages.area_addresses import localized
from network_pages.community.factories import make_thematic_group
from network_pages.library import places
from network_pages.library.factories import add_version, make_entry
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.site_setup import ensure_meetings_index
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

URL = "/en/network/library/all/"
TITLES = {
    "network": "Handbook of the network",
    "meeting": "Report of the thematic session",
    "open group": "Paper of the open group",
    "private group": "Secret paper of the private group",
}


def html_of(client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def entries(libraries, dmr_user):
    return {
        name: make_entry(libraries[name], dmr_user, title=title, tags=(f"Tag {name}",))
        for name, title in TITLES.items()
    }


def test_a_member_of_every_library_sees_every_entry_with_its_library(
    entries, libraries, focal_point
):
    page = html_of(sign_in(Client(), focal_point))
    for title in TITLES.values():
        assert title in page
    assert "4 documents" in page
    assert f'href="{libraries["meeting"].url()}"' in page
    assert f'href="/en/network/library/documents/{entries["private group"].pk}/"' in page


def test_a_member_outside_a_private_group_never_sees_its_entries_count_or_name(
    entries, libraries, other_focal_point
):
    page = html_of(sign_in(Client(), other_focal_point))
    assert TITLES["private group"] not in page
    assert libraries["private group"].page.title not in page  # not even as a filter choice
    assert "Tag private group" not in page
    assert "3 documents" in page
    # Asking for the group by its id in the filter shows nothing either.
    chosen = html_of(
        sign_in(Client(), other_focal_point),
        f"{URL}?library=group-{libraries['private group'].page.pk}",
    )
    assert TITLES["private group"] not in chosen


def test_a_guest_sees_only_the_library_of_the_meeting_they_are_invited_to(
    entries, libraries, expert
):
    page = html_of(sign_in(Client(), expert))
    assert TITLES["meeting"] in page
    for name in ("network", "open group", "private group"):
        assert TITLES[name] not in page
        assert f"Tag {name}" not in page
    assert libraries["open group"].page.title not in page
    assert "Library of the network" not in page
    assert "1 document" in page


def test_a_guest_not_invited_to_the_meeting_sees_none_of_its_entries(entries, libraries, guest):
    page = html_of(sign_in(Client(), guest))
    assert not any(title in page for title in TITLES.values())
    assert libraries["meeting"].page.title not in page


def test_anonymous_password_only_and_outsiders_are_turned_away(entries, focal_point, outsider):
    anonymous = Client().get(URL)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    password_only = sign_in(Client(), focal_point, verified=False).get(URL)
    assert password_only.status_code == 302 and "/verify/" in password_only["Location"]
    refused = sign_in(Client(), outsider).get(URL)
    assert refused.status_code == 403
    for response in (anonymous, password_only, refused):
        assert not any(title in response.content.decode() for title in TITLES.values())


def test_the_filters_narrow_by_library_kind_tag_language_and_date(
    entries, libraries, focal_point, dmr_user
):
    add_version(entries["meeting"], dmr_user, language="fr")
    old = make_entry(places.NETWORK, dmr_user, title="Old minutes", date=datetime.date(2020, 5, 1))
    client = sign_in(Client(), focal_point)
    meeting_id = libraries["meeting"].page.pk

    only_meeting = html_of(client, f"{URL}?library=meeting-{meeting_id}")
    groups = html_of(client, f"{URL}?library=groups")
    network = html_of(client, f"{URL}?library=network")
    french = html_of(client, f"{URL}?language=fr")
    tagged = html_of(client, f"{URL}?tag=tag-open-group")
    dated = html_of(client, f"{URL}?date_from=2020-01-01&date_to=2020-12-31")

    assert TITLES["meeting"] in only_meeting and TITLES["network"] not in only_meeting
    assert TITLES["open group"] in groups and TITLES["private group"] in groups
    assert TITLES["meeting"] not in groups
    assert TITLES["network"] in network and old.title in network
    assert TITLES["network"] not in french and TITLES["meeting"] in french
    assert TITLES["open group"] in tagged and TITLES["private group"] not in tagged
    assert old.title in dated and TITLES["network"] not in dated


def test_the_listing_has_a_french_address_and_twenty_entries_a_page(network, focal_point, dmr_user):
    for number in range(25):
        make_entry(places.NETWORK, dmr_user, title=f"Paper number {number:02d}")
    client = sign_in(Client(), focal_point)
    french_url = localized("/fr/network/library/all/")
    assert french_url == "/fr/reseau/bibliotheque/all/"

    first = html_of(client, french_url)
    second = html_of(client, f"{URL}?page=2")

    assert first.count('href="/fr/reseau/bibliotheque/documents/') == 20
    assert second.count('href="/en/network/library/documents/') == 5


def test_the_header_and_the_library_pages_link_to_the_listing(entries, network, focal_point):
    client = sign_in(Client(), focal_point)
    assert f'href="{URL}"' in html_of(client, network.url)
    assert f'href="{URL}"' in html_of(client, "/en/network/library/")


def grow(network, dmr_user, focal_point, libraries, count: int) -> None:
    """`count` more entries in each library, and `count` more meetings and groups with one."""
    meetings = ensure_meetings_index(network)
    groups_index = libraries["open group"].page.get_parent()
    for number in range(count):
        for library in libraries.values():
            entry = make_entry(library, dmr_user, title=f"Entry {number}", tags=(f"T{number}",))
            add_version(entry, dmr_user, language="fr")
        meeting = make_meeting(meetings, title=f"Meeting {number}", slug=f"meeting-{number}")
        make_entry(places.Library(places.Kind.MEETING, meeting), dmr_user, title="Agenda")
        group = make_thematic_group(groups_index, f"Group {number}", members_only=number % 2)
        make_entry(places.Library(places.Kind.GROUP, group), dmr_user, title="Notes")


@pytest.mark.parametrize("count", [1, 8])
def test_the_listing_costs_the_same_few_queries_for_few_or_many_entries_and_libraries(
    network, entries, libraries, dmr_user, focal_point, django_assert_max_num_queries, count
):
    grow(network, dmr_user, focal_point, libraries, count)
    client = sign_in(Client(), focal_point)
    client.get(URL)  # the session and the per-process caches settle on a first visit
    with django_assert_max_num_queries(15):
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(f"{URL}?library=groups&language=fr&tag=t0").status_code == 200
