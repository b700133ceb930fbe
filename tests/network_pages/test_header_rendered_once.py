"""Every page's header is rendered once per set of inputs (nfp_site.fragments, issue 17):
byte for byte what the templates rendered for each reader before, and never a header kept
for another reader: an anonymous visitor, a password-only session and a member without the
right group see no more than before, whoever was served before them."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.template import engines
from django.test import Client
from django.utils import translation

from network_pages import roles
from network_pages.models import DirectoryPage
from nfp_site.fragments import forget_rendered
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

# The header's templates as they were before render_once (main at a2df4f6), verbatim.
BEFORE = Path(__file__).parent / "header_before_render_once"
OLD_SITE_NAV = (BEFORE / "_site_nav.html").read_text()
OLD_SECTION_NAV = (BEFORE / "_section_nav.html").read_text()

PAGES = {
    "en": ["/en/", "/en/network/", "/en/network/directory/", "/en/network/library/all/"],
    "fr": ["/fr/", "/fr/reseau/", "/fr/reseau/bibliotheque/all/"],
}
CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture(autouse=True)
def _nothing_kept_from_other_tests():
    forget_rendered()
    yield
    forget_rendered()


def _masked(html: str) -> str:
    return CSRF_VALUE.sub('name="csrfmiddlewaretoken" value="…"', html)


def old_header(response, language: str) -> tuple[str, str]:
    """What the old templates render for this response's request and page."""
    request = response.wsgi_request
    context = {"page": response.context.get("page") if response.context else None}
    with translation.override(language):
        engine = engines["django"]
        return (
            engine.from_string(OLD_SITE_NAV).render(context, request),
            engine.from_string(OLD_SECTION_NAV).render(context, request),
        )


def assert_headers_as_before(client: Client) -> int:
    compared = 0
    for language, paths in PAGES.items():
        for path in paths:
            response = client.get(path)
            if response.status_code not in (200, 403):
                continue
            html = _masked(response.content.decode())
            for fragment in old_header(response, language):
                assert _masked(fragment) in html, (path, fragment)
            compared += 1
    return compared


@pytest.fixture
def readers(client, network, focal_point, dmr_user, guest, outsider, other_focal_point):
    return {
        "anonymous": Client(),
        "password only": sign_in(Client(), other_focal_point, verified=False),
        "member without a network group": sign_in(Client(), outsider),
        "guest": sign_in(Client(), guest),
        "Focal Point": sign_in(Client(), focal_point),
        "DMR": sign_in(Client(), dmr_user),
    }


@pytest.mark.parametrize(
    "reader",
    [
        "anonymous",
        "password only",
        "member without a network group",
        "guest",
        "Focal Point",
        "DMR",
    ],
)
def test_the_header_is_byte_for_byte_what_the_templates_rendered(readers, reader):
    # Twice: rendered, then kept.
    assert assert_headers_as_before(readers[reader]) >= 2
    assert assert_headers_as_before(readers[reader]) >= 2


def test_no_reader_gets_the_network_sections_kept_for_a_member(readers):
    member_page = readers["Focal Point"].get("/en/network/").content.decode()
    assert "section-nav--network" in member_page
    assert "Network area" in member_page

    for reader in ("anonymous", "password only", "member without a network group"):
        for path in ("/en/", "/en/network/"):
            html = readers[reader].get(path, follow=True).content.decode()
            assert "section-nav--network" not in html, (reader, path)
            assert "Network area" not in html, (reader, path)
            assert "Decisions register" not in html, (reader, path)


def test_a_guest_is_offered_their_meetings_and_no_section_of_the_network(readers):
    readers["DMR"].get("/en/")  # a member's header kept first
    html = readers["guest"].get("/en/").content.decode()

    assert "Your meetings" in html
    assert "Decisions register" not in html
    assert "Network area" not in html


def test_the_dmr_and_a_focal_point_each_get_their_own_state_link(readers):
    for _ in range(2):
        assert "Our state" in readers["Focal Point"].get("/en/network/").content.decode()
        dmr_page = readers["DMR"].get("/en/network/").content.decode()
        assert "Member states" in dmr_page
        assert "Our state" not in dmr_page


def test_a_member_who_leaves_the_network_groups_loses_the_sections_on_their_next_page(
    readers, focal_point
):
    assert "section-nav--network" in readers["Focal Point"].get("/en/").content.decode()
    focal_point.groups.remove(Group.objects.get(name=roles.FOCAL_POINTS))

    html = readers["Focal Point"].get("/en/").content.decode()

    assert "section-nav--network" not in html
    assert "Network area" not in html


def test_a_renamed_section_is_shown_on_the_next_page(readers):
    assert "Directory" in readers["Focal Point"].get("/en/network/").content.decode()
    directory = DirectoryPage.objects.get(locale__language_code="en")
    directory.title = "Who is who"
    directory.save_revision().publish()

    html = readers["Focal Point"].get("/en/network/").content.decode()

    assert ">Who is who</a>" in html


def test_each_sign_out_form_carries_its_own_session_s_token(network, focal_point, dmr_user):
    clients = []
    for user in (focal_point, dmr_user):
        client = sign_in(Client(enforce_csrf_checks=True), user)
        html = client.get("/en/").content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        clients.append((client, token))

    for client, token in clients:
        response = client.post("/en/accounts/logout/", {"csrfmiddlewaretoken": token})
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session
