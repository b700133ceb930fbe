"""Issue 17: an entry's page keeps the DMR's two forms (a new version, the move to another
library) written once per process for each language and set of libraries offered, instead
of through Django's form templates at every visit: the page is, byte for byte, what the
template as it was wrote (`before_entry/`, verbatim), for a Focal Point and the DMR, in
English and French, with titles to escape, for an empty form and for one sent back with its
errors; who sees the forms and who is refused the page are unchanged."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from network_pages.library import places
from network_pages.library.factories import add_version, make_entry
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.site_setup import ensure_meetings_index
from nfp_site import fragments
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & l\'été "quoted"'
# library/entry.html as it was (main at 51dffa3), verbatim.
BEFORE = Path(__file__).parent / "before_entry"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
REFUSED = {
    "anonymous": (302, "/accounts/login/?next="),
    "password-only": (302, "/accounts/verify/?next="),
    "verified non-member": (403, None),
}


def old_templates() -> list[dict]:
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [BEFORE, *templates[0]["DIRS"]]
    return templates


def body(response) -> str:
    return CSRF.sub("", response.content.decode())


@pytest.fixture
def entry(network, libraries, dmr_user):
    meetings = ensure_meetings_index(network)
    make_meeting(meetings, title=HOSTILE, slug="hostile-meeting")
    make_meeting(meetings, title="Réunion & <b>plénière</b>", slug="plenary-amp")
    entry = make_entry(places.NETWORK, dmr_user, title=HOSTILE)
    add_version(entry, dmr_user, language="fr", note=HOSTILE)
    return entry


def url_of(entry, language: str = "en") -> str:
    prefix = "/en/network/library" if language == "en" else "/fr/reseau/bibliotheque"
    return f"{prefix}/documents/{entry.pk}/"


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_entry_page_is_written_as_before(entry, reader, language, request):
    client = sign_in(Client(), request.getfixturevalue(reader))
    url = url_of(entry, language)
    fragments.forget_rendered()
    first = client.get(url)
    assert first.status_code == 200
    kept = client.get(url)  # the forms as kept
    with override_settings(TEMPLATES=old_templates()):
        before = body(client.get(url))
    assert body(first) == before
    assert body(kept) == before
    assert "&lt;script&gt;" in before and "<script>alert" not in before
    dmr = reader == "dmr_user"
    assert ('name="language"' in before) is dmr and ('name="target"' in before) is dmr


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_version_sent_back_with_its_errors_is_written_as_before(entry, dmr_user, language):
    client = sign_in(Client(), dmr_user)
    url = url_of(entry, language)
    client.get(url)  # the empty form kept first: the form with errors is not it
    sent = {"language": "xx", "note": HOSTILE, "file": SimpleUploadedFile("a.exe", b"MZ")}
    now = client.post(url, sent)
    assert now.status_code == 400
    sent["file"] = SimpleUploadedFile("a.exe", b"MZ")
    with override_settings(TEMPLATES=old_templates()):
        before = client.post(url, sent)
    assert body(now) == body(before)
    assert "errorlist" in body(now) and "&lt;script&gt;" in body(now)


def test_the_move_field_kept_follows_the_libraries_offered(entry, network, dmr_user):
    client = sign_in(Client(), dmr_user)
    url = url_of(entry)
    assert "A meeting added later" not in body(client.get(url))
    make_meeting(ensure_meetings_index(network), title="A meeting added later", slug="later")
    assert "A meeting added later" in body(client.get(url))


@pytest.mark.parametrize("visitor", sorted(REFUSED))
def test_the_entry_page_is_refused_to_whoever_may_not_read_the_library(
    entry, visitor, focal_point, outsider
):
    client = Client()
    if visitor != "anonymous":
        user = focal_point if visitor == "password-only" else outsider
        sign_in(client, user, verified=visitor != "password-only")
    response = client.get(url_of(entry))
    status, location = REFUSED[visitor]
    assert response.status_code == status
    if location:
        assert location in response["Location"]
    assert "alert" not in response.content.decode()
    assert 'name="target"' not in response.content.decode()
