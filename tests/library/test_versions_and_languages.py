"""Versions keep their history, each downloadable; language versions come in the reader's
language first; removing a version or an entry removes access to its files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from network_pages.area_addresses import localized
from network_pages.attachments import REMOVED_COLLECTION
from network_pages.library import places, storing
from network_pages.library.factories import add_version, make_entry
from network_pages.library.languages import grouped_by_language, language_order
from network_pages.library.models import LibraryVersion
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(network, dmr_user):
    """A report with two English versions and a French one."""
    entry = make_entry(places.NETWORK, dmr_user, title="Annual report", note="First draft")
    add_version(entry, dmr_user, language="en", note="Final text")
    add_version(entry, dmr_user, language="fr", note="Traduction")
    return entry


def status_of(client, url: str) -> int:
    """The answer's status, the body read to the end (so that a served file is closed)."""
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def download(client, version) -> bytes:
    response = client.get(version.document.url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_a_new_version_becomes_current_and_the_earlier_ones_stay_downloadable(
    report, focal_point, dmr_user
):
    english = [group for group in grouped_by_language(report.versions.all(), "en")][0]
    assert [v.note for v in english.versions] == ["Final text", "First draft"]
    assert english.current.note == "Final text"
    client = sign_in(Client(), focal_point)
    contents = {download(client, version) for version in report.versions.all()}
    assert len(contents) == 3  # three different files, each served


def test_the_entry_page_shows_the_current_version_and_the_history_with_notes(report, focal_point):
    page = sign_in(Client(), focal_point).get(f"/en/network/library/documents/{report.pk}/")
    text = page.content.decode()
    assert text.index("Final text") < text.index("Earlier versions") < text.index("First draft")


@pytest.mark.parametrize(
    ("reader", "first", "second"), [("en", "English", "French"), ("fr", "anglais", "français")]
)
def test_the_readers_language_comes_first(report, focal_point, reader, first, second):
    """The interface in French lists the French file first, in English the English one."""
    page = sign_in(Client(), focal_point).get(
        localized(f"/{reader}/network/library/documents/{report.pk}/")
    )
    text = page.content.decode()
    headings = [part.split("</h2>")[0] for part in text.split('<h2 id="language-')[1:]]
    expected = ["fr", "en"] if reader == "fr" else ["en", "fr"]
    assert [heading[:2] for heading in headings] == expected


def test_language_order_puts_the_readers_language_then_the_official_ones_then_others():
    assert language_order("fr") == ["fr", "en", "other"]
    assert language_order("en-gb") == ["en", "fr", "other"]
    assert language_order(None) == ["en", "fr", "other"]


def test_removing_a_version_removes_access_to_its_file_for_members(
    report, focal_point, django_capture_on_commit_callbacks
):
    oldest = LibraryVersion.objects.filter(entry=report, language="en").last()
    document = oldest.document
    client = sign_in(Client(), focal_point)
    assert status_of(client, document.url) == 200
    with django_capture_on_commit_callbacks(execute=True):
        oldest.delete()
    document.refresh_from_db()
    assert document.collection.name == REMOVED_COLLECTION
    assert status_of(client, document.url) == 403


def test_removing_an_entry_removes_access_to_all_its_files(
    report, focal_point, dmr_user, django_capture_on_commit_callbacks
):
    documents = [version.document for version in report.versions.all()]
    with django_capture_on_commit_callbacks(execute=True):
        report.delete()
    client = sign_in(Client(), focal_point)
    for document in documents:
        assert status_of(client, document.url) == 403
    # The DMR keeps them (a mistake can be undone in the admin).
    dmr = sign_in(Client(), dmr_user)
    assert all(status_of(dmr, document.url) == 200 for document in documents)


def test_a_library_file_attached_elsewhere_too_needs_both_owners(
    report, libraries, dmr_user, other_focal_point
):
    """Files follow every owner: the same document as a version in the private group's
    library is no longer readable by a member outside that group."""
    document = report.versions.first().document
    private = make_entry(libraries["private group"], dmr_user, title="Private")
    LibraryVersion.objects.create(entry=private, language="en", document=document)
    assert status_of(sign_in(Client(), other_focal_point), document.url) == 403


def test_the_same_file_again_is_not_a_new_version(report, dmr_user):
    current = LibraryVersion.objects.filter(entry=report, language="fr").first()
    with current.document.open_file() as handle:
        content = handle.read()
    with pytest.raises(storing.SameFile):
        add_version(report, dmr_user, language="fr", upload=SimpleUploadedFile("a.pdf", content))
    assert LibraryVersion.objects.filter(entry=report, language="fr").count() == 1
