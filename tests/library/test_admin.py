"""The DMR corrects and removes library entries and versions in the admin; a removed
version's file is the DMR's alone from then on."""

import pytest
from django.test import Client
from django.urls import reverse

from network_pages.library import places
from network_pages.library.factories import add_version, make_entry
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def status_of(client, url: str) -> int:
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def test_the_dmr_removes_a_version_in_the_admin_and_members_lose_its_file(
    network, dmr_user, focal_point, django_capture_on_commit_callbacks
):
    entry = make_entry(places.NETWORK, dmr_user, title="Handbook")
    old = entry.versions.get()
    add_version(entry, dmr_user, note="Adopted")
    dmr = sign_in(Client(), dmr_user)
    listing = dmr.get(reverse("library_versions:index"))
    assert listing.status_code == 200 and "Handbook" in listing.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = dmr.post(reverse("library_versions:delete", args=[old.pk]))
    assert response.status_code == 302
    assert entry.versions.count() == 1
    member = sign_in(Client(), focal_point)
    assert status_of(member, old.document.url) == 403
    assert status_of(member, entry.versions.get().document.url) == 200


def test_the_dmr_corrects_an_entrys_details_in_the_admin(network, dmr_user):
    entry = make_entry(places.NETWORK, dmr_user, title="Handbok")
    response = sign_in(Client(), dmr_user).post(
        reverse("library_entries:edit", args=[entry.pk]),
        {"title": "Handbook", "description": "", "date": "2026-01-05", "tags": "Guides"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Handbook" and list(entry.tags.names()) == ["Guides"]


def test_files_are_added_on_the_site_only(network, dmr_user):
    """No "add" in the admin: an entry without its checked file would be an empty shell."""
    dmr = sign_in(Client(), dmr_user)
    assert dmr.get(reverse("library_entries:add")).status_code in (302, 403)
    assert dmr.get(reverse("library_versions:add")).status_code in (302, 403)


def test_a_focal_point_has_no_library_admin(network, focal_point, dmr_user):
    entry = make_entry(places.NETWORK, dmr_user)
    client = sign_in(Client(), focal_point)
    for url in (
        reverse("library_entries:index"),
        reverse("library_entries:edit", args=[entry.pk]),
        reverse("library_versions:delete", args=[entry.versions.get().pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
