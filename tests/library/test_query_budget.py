"""The library pages read a fixed number of rows whatever the number of documents."""

import pytest
from django.test import Client

from network_pages.community.factories import make_thematic_group
from network_pages.library import places
from network_pages.library.factories import add_version, make_entry
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.site_setup import ensure_meetings_index
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
BUDGET = 15


def fill(library, user, count: int) -> None:
    for number in range(count):
        entry = make_entry(
            library, user, title=f"Document {number}", tags=("Reports", f"T{number % 3}")
        )
        add_version(entry, user, language="fr", note=f"FR {number}")


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("library_name", ["network", "meeting", "private group"])
def test_a_library_page_stays_within_its_budget(
    libraries, dmr_user, focal_point, django_assert_max_num_queries, count, library_name
):
    library = libraries[library_name]
    fill(library, dmr_user, count)
    client = sign_in(Client(), focal_point)
    client.get(library.url())  # the session and caches settle on a first visit
    with django_assert_max_num_queries(BUDGET):
        assert client.get(library.url()).status_code == 200
    with django_assert_max_num_queries(BUDGET):
        assert client.get(library.url() + "?language=fr&tag=reports").status_code == 200


def test_an_entry_page_with_many_versions_stays_within_its_budget(
    network, dmr_user, focal_point, django_assert_max_num_queries
):
    entry = make_entry(places.NETWORK, dmr_user)
    for number in range(20):
        add_version(entry, dmr_user, language="en" if number % 2 else "fr", note=f"v{number}")
    client = sign_in(Client(), focal_point)
    url = f"/en/network/library/documents/{entry.pk}/"
    client.get(url)
    with django_assert_max_num_queries(BUDGET):
        assert client.get(url).status_code == 200


def test_the_pdf_preview_stays_within_its_budget(
    network, dmr_user, focal_point, django_assert_max_num_queries
):
    entry = make_entry(places.NETWORK, dmr_user)
    client = sign_in(Client(), focal_point)
    url = f"/en/network/library/versions/{entry.versions.get().pk}/preview/"
    b"".join(client.get(url).streaming_content)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
        assert response.status_code == 200
        b"".join(response.streaming_content)


@pytest.mark.parametrize("libraries_count", [1, 6])
def test_the_dmrs_entry_page_with_its_move_form_stays_within_its_budget(
    libraries, dmr_user, django_assert_max_num_queries, libraries_count
):
    """The libraries offered to move an entry to are read at once, however many."""
    meetings = ensure_meetings_index(libraries["meeting"].page.get_parent().get_parent())
    groups = libraries["open group"].page.get_parent()
    for number in range(libraries_count):
        make_meeting(meetings, title=f"Meeting {number}", slug=f"budget-meeting-{number}")
        make_thematic_group(groups, f"Group {number}", members_only=bool(number % 2))
    entry = make_entry(places.NETWORK, dmr_user)
    client = sign_in(Client(), dmr_user)
    url = f"/en/network/library/documents/{entry.pk}/"
    client.get(url)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
        assert response.status_code == 200
    assert "Move to another library" in response.content.decode()
