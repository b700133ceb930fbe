"""3.1: nothing in the network area reaches anyone but an OTP-verified member.

Each surface is requested as every kind of visitor; refused answers never carry the
surface's marker text, in the body or the headers.
"""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model

from home.site_setup import ensure_home_pages
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.models import MeetingDocument
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import NetworkHomePage
from network_pages.network_area import ensure_network_area, ensure_network_collection
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

ROOT_MARKER = "MARKER-network-root-7f3a"
DOCUMENT_MARKER = "MARKER-confidential-document-91cc"


@pytest.fixture(scope="module")
def surfaces_media(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, surfaces_media):
    """Replaces the suite's per-test media folder: the module's document lives in one."""
    settings.MEDIA_ROOT = surfaces_media


@pytest.fixture(scope="module")
def surfaces(module_transaction, surfaces_media) -> dict[str, tuple[str, str]]:
    """Built once for the module (publishing the roots and a meeting is most of a test's
    cost); each test reads it in a savepoint (tests/module_data.py)."""
    with module_transaction(), override_settings(MEDIA_ROOT=surfaces_media):
        return _marked_surfaces(ensure_network_area(ensure_home_pages()["en"]))


def _marked_surfaces(network) -> dict[str, tuple[str, str]]:
    network.intro = ROOT_MARKER
    network.save_revision().publish()
    # The French root is a translation with its own intro (issue 15).
    french = NetworkHomePage.objects.get(locale__language_code="fr")
    french.intro = ROOT_MARKER
    french.save_revision().publish()
    Document = get_document_model()
    document = Document(title="Minutes", collection=ensure_network_collection())
    document.file.save("minutes.txt", ContentFile(DOCUMENT_MARKER.encode()), save=False)
    document.save()
    # Files follow their owner: the document is one of a members' meeting's.
    meeting = make_meeting(ensure_meetings_index(network), title="Plenary", slug="plenary")
    MeetingDocument.objects.create(meeting=meeting, document=document, sort_order=0)
    return {
        "network root": ("/en/network/", ROOT_MARKER),
        "network root, French": ("/fr/reseau/", ROOT_MARKER),
        "child page": ("/en/network/directory/", "Directory"),
        "restricted document": (document.url, DOCUMENT_MARKER),
    }


def visitor_client(client, kind, users):
    if kind == "anonymous":
        return client
    return sign_in(client, users[kind], verified=kind != "password-only")


@pytest.fixture
def users(focal_point, dmr_user, guest, outsider):
    return {
        "password-only": focal_point,
        "verified non-member": outsider,
        "guest": guest,
        "Focal Point": focal_point,
        "DMR": dmr_user,
    }


REFUSED = {
    "anonymous": (302, "/accounts/login/?next="),
    "password-only": (302, "/accounts/verify/?next="),
    "verified non-member": (403, None),
    "guest": (403, None),
}
SURFACES = ["network root", "network root, French", "child page", "restricted document"]


def body_of(response) -> bytes:
    if not response.streaming:
        return response.content
    # Reading it to the end closes it (the test client closes the file then).
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("kind", list(REFUSED))
def test_refused_visitors_get_nothing_of_the_network(client, surfaces, users, surface, kind):
    url, marker = surfaces[surface]
    status, location = REFUSED[kind]
    if kind == "guest" and surface.startswith("network root"):
        # 1.2: a guest is sent to the meetings they are invited to, nothing else.
        status, location = 302, "/your-meetings/"

    response = visitor_client(client, kind, users).get(url)

    assert response.status_code == status
    if location:
        assert location in response["Location"]
    assert marker.encode() not in body_of(response)
    assert all(marker not in value for value in response.headers.values())
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("kind", ["Focal Point", "DMR"])
def test_verified_members_see_the_network(client, surfaces, users, surface, kind):
    url, marker = surfaces[surface]

    response = visitor_client(client, kind, users).get(url)

    assert response.status_code == 200
    assert marker.encode() in body_of(response)
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_refusal_page_does_not_name_the_refused_page(client, surfaces, outsider):
    response = sign_in(client, outsider).get("/en/network/")

    html = response.content.decode()
    assert "Access refused" in html
    assert "Network area" not in html.split("<main", 1)[1]


@pytest.mark.parametrize(
    ("kind", "status", "location"),
    [
        ("anonymous", 302, "/accounts/login/?next=/admin/"),
        ("password-only", 302, "/accounts/verify/?next=/admin/"),
        ("verified non-member", 302, "/accounts/login/"),
        ("guest", 302, "/accounts/login/"),
        ("Focal Point", 302, "/accounts/login/"),
        ("DMR", 200, None),
    ],
)
def test_admin_needs_a_verified_dmr_session(client, network, users, kind, status, location):
    response = visitor_client(client, kind, users).get("/admin/")

    assert response.status_code == status
    if location:
        assert location in response["Location"]
    assert "no-store" in response["Cache-Control"]


def test_wagtail_admin_login_leads_to_the_one_time_password_login(client, network):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2Fpages%2F"


def test_wagtail_frontend_login_leads_to_the_one_time_password_login(client, network):
    response = client.get("/en/_util/login/?next=/en/network/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
