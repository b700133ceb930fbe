"""Issue 18: a library file found by the members' search leads to its entry in the library
(its versions and language versions), in the reader's language, not to the bare download."""

import pytest
from django.test import Client

from network_pages.area_addresses import localized
from network_pages.library import places
from network_pages.library.factories import add_version, make_entry, text_file
from network_pages.search.models import SearchEntry
from tests.conftest import sign_in
from tests.search.conftest import body_of, search_url

pytestmark = pytest.mark.django_db


def entry_with_file(library, user, title, capture):
    with capture(execute=True):
        entry = make_entry(
            library, user, title=title, upload=text_file("walrus.txt", f"{title} walrusology")
        )
    return entry


def test_a_hit_for_a_network_library_file_links_to_its_entry_in_english_and_in_french(
    network, dmr_user, focal_point, django_capture_on_commit_callbacks
):
    entry = entry_with_file(
        places.NETWORK, dmr_user, "Handbook on walrusology", django_capture_on_commit_callbacks
    )
    document = entry.versions.get().document
    client = sign_in(Client(), focal_point)

    english = body_of(client.get(search_url(q="walrusology")))
    french = body_of(client.get(search_url("fr", q="walrusology")))

    assert f'href="/en/network/library/documents/{entry.pk}/"' in english
    assert f'href="{localized(f"/fr/network/library/documents/{entry.pk}/")}"' in french
    assert f'href="/fr/reseau/bibliotheque/documents/{entry.pk}/"' in french
    # The download stays offered beside it.
    assert f'href="{document.url}"' in english


def test_a_meetings_library_file_is_found_under_the_meeting_filter_and_links_to_its_entry(
    session, dmr_user, focal_point, django_capture_on_commit_callbacks
):
    library = places.Library(places.Kind.MEETING, session)
    entry = entry_with_file(
        library, dmr_user, "Walrusology session report", django_capture_on_commit_callbacks
    )
    with django_capture_on_commit_callbacks(execute=True):
        add_version(entry, dmr_user, language="fr", upload=text_file("fr.txt", "walrusology FR"))
    indexed = SearchEntry.objects.filter(kind=SearchEntry.Kind.DOCUMENT)
    assert indexed.count() == 2
    assert {(e.page_id, e.view_name, e.view_pk) for e in indexed} == {
        (session.pk, "library:entry", entry.pk)
    }
    client = sign_in(Client(), focal_point)

    page = body_of(client.get(search_url(q="walrusology", meeting=session.pk)))

    assert page.count(f'href="/en/network/library/documents/{entry.pk}/"') == 2


def test_a_group_library_file_stays_out_of_the_search_of_a_member_outside_the_group(
    private_group, dmr_user, focal_point, other_focal_point, django_capture_on_commit_callbacks
):
    library = places.Library(places.Kind.GROUP, private_group)
    entry = entry_with_file(
        library, dmr_user, "Walrusology group paper", django_capture_on_commit_callbacks
    )

    member = body_of(sign_in(Client(), focal_point).get(search_url(q="walrusology")))
    outside = body_of(sign_in(Client(), other_focal_point).get(search_url(q="walrusology")))

    assert f"/library/documents/{entry.pk}/" in member
    assert "Walrusology group paper" not in outside
    assert f"/library/documents/{entry.pk}/" not in outside
