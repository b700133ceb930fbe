"""Issue 18, 1: the text inside attached documents is found by exactly those who may download
the document (the owner rule, `access.readable_by_owners`), and links to where it belongs."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from network_pages.information.models import InformationItemAttachment, Response, ResponseAttachment
from network_pages.meetings.models import MeetingDocument
from network_pages.network_area import ensure_network_collection
from network_pages.search import document_text, tasks
from network_pages.search.models import SearchEntry
from tests.conftest import sign_in

from .conftest import body_of, search_url
from .files import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def network_document(name: str, data: bytes, title: str = "Annex", collection=None):
    document = get_document_model()(
        title=title, collection=collection or ensure_network_collection()
    )
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


def found(client, user, words: str) -> str:
    client.logout()
    return body_of(sign_in(client, user).get(search_url(q=words)))


def test_a_word_inside_a_meetings_pdf_finds_it_for_the_meetings_readers(
    client, library, focal_point, guest, outsider, django_capture_on_commit_callbacks
):
    meeting = library["meeting"]
    with django_capture_on_commit_callbacks(execute=True):
        document = network_document(
            "report.pdf", pdf_bytes("Quarantine of walruses"), title="Session report"
        )
        MeetingDocument.objects.create(meeting=meeting, document=document)

    page = found(client, focal_point, "walruses quarantine")

    assert "Session report" in page
    assert "<mark>Quarantine</mark> of <mark>walruses</mark>" in page
    assert f'href="{meeting.url}"' in page
    assert f'href="{document.url}"' in page
    # The guest is invited, but the network's collection is for members only.
    assert "Session report" not in found(client, guest, "walruses")
    client.logout()
    assert sign_in(client, outsider).get(search_url(q="walruses")).status_code == 403


def test_a_document_in_the_meetings_own_collection_is_found_by_its_invited_guest(
    client, library, guest, django_capture_on_commit_callbacks
):
    meeting = library["meeting"]
    collection = meeting.access.documents_collection
    with django_capture_on_commit_callbacks(execute=True):
        document = network_document(
            "notes.docx", docx_bytes("Notes on walruses"), "Notes", collection
        )
        MeetingDocument.objects.create(meeting=meeting, document=document)
        other = network_document("other.docx", docx_bytes("Other walruses"), "Plenary notes")
        MeetingDocument.objects.create(meeting=library["other_meeting"], document=other)

    page = found(client, guest, "walruses")

    assert "Notes" in page
    assert "Plenary notes" not in page


def test_a_draft_responses_document_is_found_by_its_state_alone_until_it_is_submitted(
    client, library, focal_point, other_focal_point, dmr_user, django_capture_on_commit_callbacks
):
    draft = Response.objects.get(request=library["request"], member_state__code="FR")
    with django_capture_on_commit_callbacks(execute=True):
        document = network_document("annexe.txt", b"Annexe sur les morses", "Annexe FR")
        ResponseAttachment.objects.create(response=draft, document=document)

    assert "Annexe FR" in found(client, focal_point, "morses")
    assert "Annexe FR" in found(client, dmr_user, "morses")
    assert "Annexe FR" not in found(client, other_focal_point, "morses")

    # Submitting changes who may download it; the index is not rewritten for that.
    Response.objects.filter(pk=draft.pk).update(status=Response.Status.SUBMITTED)
    assert "Annexe FR" in found(client, other_focal_point, "morses")


def test_a_detached_or_deleted_document_is_no_longer_found(
    client, library, focal_point, dmr_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        kept = network_document("kept.txt", b"Walrus census", "Census")
        detached = network_document("detached.txt", b"Walrus census", "Old census")
        for document in (kept, detached):
            InformationItemAttachment.objects.create(page=library["item"], document=document)
    assert "Old census" in found(client, focal_point, "census")

    with django_capture_on_commit_callbacks(execute=True):
        InformationItemAttachment.objects.filter(document=detached).delete()
    with django_capture_on_commit_callbacks(execute=True):
        kept.delete()

    assert not SearchEntry.objects.filter(kind=SearchEntry.Kind.DOCUMENT).exists()
    assert "<mark>" not in found(client, dmr_user, "census")


def test_the_file_is_read_in_the_task_worker_not_in_the_request(
    library, monkeypatch, django_capture_on_commit_callbacks
):
    """Attaching a document only schedules its indexing; the worker reads the file."""
    reads, enqueued = [], []
    monkeypatch.setattr(document_text, "text_of", lambda *args, **kw: reads.append(args) or "")

    class Queue:
        """The task, as the worker's queue sees it: what was enqueued, nothing run."""

        @staticmethod
        def enqueue(*args):
            enqueued.append(args)

    monkeypatch.setattr(tasks, "refresh_search_entries", Queue)
    with django_capture_on_commit_callbacks(execute=True):
        document = network_document("big.pdf", pdf_bytes("Walrus"), "Big")
        MeetingDocument.objects.create(meeting=library["meeting"], document=document)

    assert ("document", document.pk) in enqueued
    assert reads == []


def test_the_text_is_not_read_again_when_the_file_did_not_change(
    library, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = network_document("report.pdf", pdf_bytes("Walrus census"), "Report")
        MeetingDocument.objects.create(meeting=library["meeting"], document=document)
    monkeypatch.setattr(document_text, "text_of", lambda *args, **kw: pytest.fail("read again"))

    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Census report"
        document.save()

    entry = SearchEntry.objects.get(kind=SearchEntry.Kind.DOCUMENT)
    assert (entry.title, entry.body) == ("Census report", "Walrus census")
