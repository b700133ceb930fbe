"""Who adds documents and versions to which library, and what happens to a bad upload."""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model

from network_pages.library import places
from network_pages.library.factories import make_entry, pdf_file
from network_pages.library.models import LibraryEntry, LibraryVersion, UploadPolicy
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def entry_form(title: str = "Guide to e-files", **fields) -> dict:
    return {
        "title": title,
        "date": "2026-05-04",
        "language": "en",
        "file": fields.pop("file", None) or pdf_file("guide.pdf", title),
        "tags": "Digitalisation, Guides",
        **fields,
    }


def allow_focal_points(library: places.Library) -> None:
    UploadPolicy.objects.create(page=library.page, focal_points_may_upload=True)


def test_only_the_dmr_adds_to_the_networks_library(network, focal_point, dmr_user):
    url = places.NETWORK.upload_url()
    assert sign_in(Client(), focal_point).post(url, entry_form()).status_code == 403
    response = sign_in(Client(), dmr_user).post(url, entry_form())
    entry = LibraryEntry.objects.get()
    assert response["Location"] == f"/en/network/library/documents/{entry.pk}/"
    assert entry.meeting is None and entry.thematic_group is None
    assert sorted(entry.tags.names()) == ["Digitalisation", "Guides"]
    assert entry.versions.get().uploaded_by == dmr_user


def test_members_add_to_a_meetings_library_once_the_dmr_allows_it_and_guests_never(
    libraries, focal_point, expert
):
    meeting = libraries["meeting"]
    client = sign_in(Client(), focal_point)
    assert client.post(meeting.upload_url(), entry_form()).status_code == 403
    allow_focal_points(meeting)
    assert client.post(meeting.upload_url(), entry_form()).status_code == 302
    assert LibraryEntry.objects.get().meeting_id == meeting.page.pk
    assert sign_in(Client(), expert).post(meeting.upload_url(), entry_form("x")).status_code == 403


def test_a_groups_members_add_to_its_library_when_the_group_allows_it(
    libraries, focal_point, other_focal_point
):
    """The private group's member may; a member outside the group never (not even one who
    reads the library: the open group)."""
    private, open_group = libraries["private group"], libraries["open group"]
    allow_focal_points(private)
    allow_focal_points(open_group)
    assert (
        sign_in(Client(), focal_point).post(private.upload_url(), entry_form()).status_code == 302
    )
    outsider = sign_in(Client(), other_focal_point)
    assert outsider.post(private.upload_url(), entry_form("a")).status_code == 403
    assert outsider.post(open_group.upload_url(), entry_form("b")).status_code == 403
    assert LibraryEntry.objects.count() == 1


def test_the_dmr_sets_who_may_add_to_a_meetings_library_from_the_library(
    libraries, dmr_user, focal_point
):
    meeting = libraries["meeting"]
    policy_url = meeting.url() + "policy/"
    assert (
        sign_in(Client(), focal_point)
        .post(policy_url, {"focal_points_may_upload": "on"})
        .status_code
        == 403
    )
    dmr = sign_in(Client(), dmr_user)
    assert dmr.get(policy_url).status_code == 405
    dmr.post(policy_url, {"focal_points_may_upload": "on"})
    assert places.may_upload(focal_point, meeting)
    dmr.post(policy_url, {})
    assert not places.may_upload(focal_point, meeting)


def test_a_new_version_is_added_from_the_entry_page_by_those_who_may_add(
    libraries, dmr_user, focal_point, other_focal_point
):
    group = libraries["open group"]
    entry = make_entry(group, dmr_user, title="Checklist")
    url = f"/en/network/library/documents/{entry.pk}/"

    def form() -> dict:
        return {"language": "fr", "file": pdf_file("liste.pdf", "v2"), "note": "Version française"}

    assert sign_in(Client(), other_focal_point).post(url, form()).status_code == 403
    allow_focal_points(group)
    thematic_member = sign_in(Client(), focal_point)
    assert thematic_member.post(url, {}).status_code == 403  # not a member of the open group
    dmr = sign_in(Client(), dmr_user)
    assert dmr.post(url, form())["Location"] == url
    assert entry.versions.filter(language="fr").get().note == "Version française"


def test_a_file_whose_content_is_not_its_type_is_refused_clearly_and_nothing_is_kept(
    network, dmr_user
):
    fake = SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script></html>")
    response = sign_in(Client(), dmr_user).post(places.NETWORK.upload_url(), entry_form(file=fake))
    assert response.status_code == 400
    assert "does not match its type" in response.content.decode()
    assert not LibraryEntry.objects.exists()
    assert not get_document_model().objects.exists()


def test_a_file_too_large_is_refused(network, dmr_user, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    response = sign_in(Client(), dmr_user).post(places.NETWORK.upload_url(), entry_form())
    assert response.status_code == 400
    assert "is too large" in response.content.decode()
    assert not LibraryEntry.objects.exists()


def test_storage_failing_leaves_no_entry_and_says_so(network, dmr_user):
    with mock.patch(
        "django.core.files.storage.FileSystemStorage._save", side_effect=OSError("disk full")
    ):
        response = sign_in(Client(), dmr_user).post(places.NETWORK.upload_url(), entry_form())
    assert response.status_code == 503
    assert "Nothing was saved" in response.content.decode()
    assert not LibraryEntry.objects.exists()
    assert not get_document_model().objects.exists()


def test_a_double_submission_adds_one_document(network, dmr_user):
    client = sign_in(Client(), dmr_user)
    first = client.post(places.NETWORK.upload_url(), entry_form())
    second = client.post(places.NETWORK.upload_url(), entry_form())
    assert first["Location"] == second["Location"]
    assert LibraryEntry.objects.count() == 1
    assert LibraryVersion.objects.count() == 1


def test_files_go_where_the_librarys_readers_can_reach_them(libraries, dmr_user):
    """A meeting's files in the meeting's collection (its guests pass it), a group's in the
    group's workspace collection, the network's in the network's."""
    for name, library in libraries.items():
        entry = make_entry(library, dmr_user, title=name)
        collection = entry.versions.get().document.collection
        assert collection == places.collection_for(library), name
