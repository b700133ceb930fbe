"""Who reads each library, and that every library URL refuses everyone else the same way
whether what it names exists or not (no existence oracle)."""

import pytest
from django.test import Client

from network_pages.library import places
from network_pages.library.factories import make_entry
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

# Who reads which library: members (the three), the guest invited to the meeting, the
# members of the private group (the French Focal Point) and the DMR.
READERS = {
    "network": {"focal_point", "other_focal_point", "dmr_user"},
    "meeting": {"focal_point", "other_focal_point", "dmr_user", "expert"},
    "open group": {"focal_point", "other_focal_point", "dmr_user"},
    "private group": {"focal_point", "dmr_user"},
}
VERIFIED_VISITORS = ("focal_point", "other_focal_point", "dmr_user", "expert", "guest", "outsider")


@pytest.fixture
def entries(libraries, dmr_user):
    return {name: make_entry(library, dmr_user, title=name) for name, library in libraries.items()}


def urls_of(library: places.Library, entry) -> dict[str, str]:
    version = entry.versions.get()
    return {
        "list": library.url(),
        "entry": f"/en/network/library/documents/{entry.pk}/",
        "preview": f"/en/network/library/versions/{version.pk}/preview/",
        "download": version.document.url,
    }


def client_of(request, name: str) -> Client:
    return sign_in(Client(), request.getfixturevalue(name))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("library_name", list(READERS))
def test_a_library_its_entries_and_files_are_read_by_its_readers_only(
    request, libraries, entries, library_name
):
    urls = urls_of(libraries[library_name], entries[library_name])
    for visitor in VERIFIED_VISITORS:
        client = client_of(request, visitor)
        for what, url in urls.items():
            response = client.get(url)
            expected = 200 if visitor in READERS[library_name] else 403
            assert response.status_code == expected, (visitor, what, url)
            assert "private" in response["Cache-Control"], (visitor, what)
            body(response)


@pytest.mark.parametrize("library_name", list(READERS))
def test_anonymous_and_password_only_visitors_are_sent_to_sign_in_first(
    request, libraries, entries, focal_point, library_name
):
    urls = urls_of(libraries[library_name], entries[library_name])
    anonymous, password_only = Client(), sign_in(Client(), focal_point, verified=False)
    for url in [*urls.values(), libraries[library_name].upload_url()]:
        assert "/accounts/login/" in anonymous.get(url)["Location"]
        assert "/accounts/verify/" in password_only.get(url)["Location"]


MISSING = (
    "/en/network/library/meetings/999999/",
    "/en/network/library/meetings/999999/add/",
    "/en/network/library/groups/999999/",
    "/en/network/library/groups/999999/add/",
    "/en/network/library/documents/999999/",
    "/en/network/library/versions/999999/preview/",
)


@pytest.mark.parametrize("url", MISSING)
def test_what_does_not_exist_answers_as_what_a_reader_may_not_read(
    request, focal_point, url, libraries
):
    """A member outside the private group gets 403 from its library; from a library that
    does not exist too. Only the DMR, who reads everything, is told "not found"."""
    assert client_of(request, "other_focal_point").get(url).status_code == 403
    assert client_of(request, "expert").get(url).status_code == 403
    assert client_of(request, "dmr_user").get(url).status_code == 404
    assert "/accounts/login/" in Client().get(url)["Location"]
    assert (
        "/accounts/verify/" in sign_in(Client(), focal_point, verified=False).get(url)["Location"]
    )


def test_a_page_of_another_type_is_no_library(request, network, libraries):
    """The network root is a page, not a meeting: its "library" does not exist."""
    url = f"/en/network/library/meetings/{network.pk}/"
    assert client_of(request, "other_focal_point").get(url).status_code == 403
    assert client_of(request, "dmr_user").get(url).status_code == 404


def test_a_draft_meetings_library_is_the_dmrs_until_the_meeting_is_published(
    request, libraries, entries
):
    meeting = libraries["meeting"].page
    meeting.unpublish()
    url = f"/en/network/library/documents/{entries['meeting'].pk}/"
    assert client_of(request, "focal_point").get(url).status_code == 403
    assert client_of(request, "expert").get(url).status_code == 403
    assert client_of(request, "dmr_user").get(url).status_code == 200


def test_the_french_alias_of_a_meeting_leads_to_the_same_library(request, libraries, entries):
    from wagtail.models import Locale

    meeting = libraries["meeting"].page
    alias = meeting.get_translation(Locale.objects.get(language_code="fr"))
    response = client_of(request, "expert").get(f"/fr/reseau/bibliotheque/reunions/{alias.pk}/")
    assert response.status_code == 200
    assert entries["meeting"].title in response.content.decode()
