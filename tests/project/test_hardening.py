import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from network_pages.network_area import ensure_network_collection
from network_pages.security import LAST_SEEN, LOGIN_AT
from tests.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in policy.split(";")
        if part.strip()
    }


def test_site_pages_allow_no_inline_script_and_no_framing(client, homes):
    response = client.get("/en/")

    policy = directives(response)
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_admin_may_frame_its_own_previews_but_nothing_else(client, network, dmr_user):
    response = sign_in(client, dmr_user).get("/admin/")

    policy = directives(response)
    assert policy["frame-ancestors"] == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "'none'" in policy["object-src"]


def test_idle_session_is_signed_out(client, network, focal_point, settings):
    sign_in(client, focal_point)
    assert client.get("/en/network/").status_code == 200
    session = client.session
    session[LAST_SEEN] = (
        int(timezone.now().timestamp()) - settings.NFP_SESSION_IDLE_MINUTES * 60 - 1
    )
    session.save()

    response = client.get("/en/network/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_session_ends_at_its_absolute_lifetime_even_when_active(
    client, network, focal_point, settings
):
    sign_in(client, focal_point)
    session = client.session
    session[LOGIN_AT] = int(timezone.now().timestamp()) - settings.NFP_SESSION_MAX_HOURS * 3600 - 1
    session.save()

    response = client.get("/en/network/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_sign_in_records_when_the_session_started(client, network, focal_point):
    client.post("/en/accounts/login/", {"username": focal_point.username, "password": PASSWORD})

    assert LOGIN_AT in client.session


def test_documents_are_downloaded_never_rendered_inline(client, network, dmr_user):
    # Attached to nothing, a network document is the DMR's alone (files follow their owner).
    document = get_document_model()(title="Notes", collection=ensure_network_collection())
    document.file.save("notes.txt", ContentFile(b"<script>alert(1)</script>"), save=False)
    document.save()

    response = sign_in(client, dmr_user).get(document.url)
    b"".join(response.streaming_content)  # read to the end, which closes the file

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
