"""A PDF is previewed inline, through the same access rule as its download, with a strict
policy; other files are only downloaded."""

import pytest
from django.test import Client

from network_pages.library import places
from network_pages.library.factories import make_entry, text_file
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def preview_url(entry) -> str:
    return f"/en/network/library/versions/{entry.versions.get().pk}/preview/"


def test_a_pdf_is_served_inline_with_a_strict_policy(network, dmr_user, focal_point):
    entry = make_entry(places.NETWORK, dmr_user, title="Report")
    response = sign_in(Client(), focal_point).get(preview_url(entry))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'self'" in policy
    assert "script-src" not in policy  # nothing of the site's own policy is added to it
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_entry_page_embeds_the_preview_with_a_download_beside_it(
    network, dmr_user, focal_point
):
    entry = make_entry(places.NETWORK, dmr_user, title="Report")
    text = sign_in(Client(), focal_point).get(f"/en/network/library/documents/{entry.pk}/")
    text = text.content.decode()
    version = entry.versions.get()
    assert f'<iframe class="pdf-preview" src="{preview_url(entry)}"' in text
    assert f'href="{version.document.url}" download' in text


def test_a_file_that_is_not_a_pdf_is_not_previewed_but_sent_to_its_download(
    network, dmr_user, focal_point
):
    entry = make_entry(places.NETWORK, dmr_user, upload=text_file())
    response = sign_in(Client(), focal_point).get(preview_url(entry))
    assert response.status_code == 302
    assert response["Location"] == entry.versions.get().document.url
