"""3.1: every meetings surface refuses whoever is not a verified member allowed to see it,
and the refusal carries none of the confidential text."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from network_pages.meetings import participants
from network_pages.meetings.models import AgendaSuggestion, Attendance, MeetingDocument
from tests.conftest import sign_in

from .conftest import CONFIDENTIAL, meeting_url

pytestmark = pytest.mark.django_db

DOCUMENT_MARKER = "MARKER-meeting-document-0b7e"


@pytest.fixture
def meeting_document(plenary):
    Document = get_document_model()
    document = Document(
        title="Background note", collection=participants.documents_collection_of(plenary)
    )
    document.file.save("note.txt", ContentFile(DOCUMENT_MARKER.encode()), save=False)
    document.save()
    MeetingDocument.objects.create(meeting=plenary, document=document, sort_order=0)
    return document


@pytest.fixture
def surfaces(plenary, meeting_document):
    return {
        "meeting": meeting_url(plenary),
        "meeting, French": meeting_url(plenary, language="fr"),
        "meeting calendar": meeting_url(plenary, "calendar/"),
        "meetings index": "/en/network/meetings/",
        "meeting document": meeting_document.url,
    }


MARKERS = {
    "meeting": CONFIDENTIAL,
    "meeting, French": CONFIDENTIAL,
    "meeting calendar": CONFIDENTIAL,
    "meetings index": "Plenary meeting 2030",
    "meeting document": DOCUMENT_MARKER,
}


@pytest.fixture
def visitors(focal_point, outsider, guest):
    return {"password-only": focal_point, "verified non-member": outsider, "guest": guest}


def visitor(client, kind, visitors):
    if kind == "anonymous":
        return client
    return sign_in(client, visitors[kind], verified=kind != "password-only")


REFUSED = {
    "anonymous": (302, "/accounts/login/?next="),
    "password-only": (302, "/accounts/verify/?next="),
    "verified non-member": (403, None),
    "guest": (403, None),  # a guest of no meeting, or of another one
}


def body_of(response) -> bytes:
    """The body, with iCalendar's folded lines joined again (RFC 5545 3.1)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.replace(b"\r\n ", b"")


@pytest.mark.parametrize("surface", list(MARKERS))
@pytest.mark.parametrize("kind", list(REFUSED))
def test_refused_visitors_get_nothing_of_a_meeting(client, surfaces, visitors, surface, kind):
    status, location = REFUSED[kind]
    if (kind, surface) == ("guest", "meetings index"):
        # A guest is led to their own meetings instead (issue 16), with nothing of these.
        status, location = 302, "/en/your-meetings/"

    response = visitor(client, kind, visitors).get(surfaces[surface])

    assert response.status_code == status
    if location:
        assert location in response["Location"]
    assert MARKERS[surface].encode() not in body_of(response)
    assert all(MARKERS[surface] not in value for value in response.headers.values())
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("surface", list(MARKERS))
def test_focal_point_sees_every_meeting_surface_privately(client, surfaces, focal_point, surface):
    response = sign_in(client, focal_point).get(surfaces[surface])

    assert response.status_code == 200
    assert MARKERS[surface].encode() in body_of(response)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("route", ["suggest/", "attendance/"])
@pytest.mark.parametrize("kind", list(REFUSED))
def test_refused_visitors_cannot_post_to_a_meeting(client, plenary, visitors, route, kind):
    status, _location = REFUSED[kind]
    data = {"title": "Intrusion", "rationale": "None.", "response": "online"}

    response = visitor(client, kind, visitors).post(meeting_url(plenary, route), data)

    assert response.status_code == status
    assert CONFIDENTIAL.encode() not in response.content
    assert not AgendaSuggestion.objects.exists()
    assert not Attendance.objects.exists()
