"""The meeting page renders the same HTML as before its empty forms were written once per
process, its agenda and suggestions read by SQL compiled once and its documents read as rows
(issue 17; the code before is kept verbatim in `meeting_page_before.py`): in English and in
French, for a Focal Point and for the DMR, with hostile titles, in no more queries."""

import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from network_pages.meetings.models import (
    AgendaItem,
    AgendaSuggestion,
    Attendance,
    MeetingDocument,
    MeetingPage,
)
from network_pages.meetings.models import meeting_page as meeting_page_module
from network_pages.models import MemberState
from network_pages.network_area import ensure_network_collection
from tests.conftest import sign_in

from . import meeting_page_before as before_code
from .conftest import meeting_url
from .test_document_owners import link_from_minutes
from .test_guest_access import document_in

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(\"meeting\")</script> & “Agenda” 'quoted'"
# Each rendering has its own masked CSRF token, each comment form its own submission key.
VARYING = re.compile(r'name="(csrfmiddlewaretoken|submission_key)" value="[^"]+"')


@pytest.fixture
def busy_plenary(plenary, thematic_session, focal_point, other_focal_point):
    """Hostile titles in the agenda, a suggestion and the documents; the Focal Point's
    attendance answer; a document the Focal Point may not open (also linked from the minutes
    of a meeting taken offline), listed between two they may."""
    collection = ensure_network_collection()
    scan = get_document_model()(title=HOSTILE, collection=collection)
    scan.file.save("scan.Pdf", ContentFile(b"%PDF-1.4"), save=False)
    scan.save()
    closed = document_in(collection, "Shared annex")
    documents = [document_in(collection, HOSTILE), closed, scan]
    for number, document in enumerate(documents):
        title = "Annex <1> & 'two'" if number == 2 else ""
        MeetingDocument.objects.create(
            meeting=plenary, document=document, title=title, sort_order=number
        )
    plenary.save_revision().publish()  # the French alias lists them too
    link_from_minutes(thematic_session, closed)
    thematic_session.unpublish()
    AgendaItem.objects.create(meeting=plenary, title=HOSTILE, sort_order=10)
    AgendaSuggestion.objects.create(
        meeting=plenary,
        title=HOSTILE,
        rationale=f"{HOSTILE}\nSecond line",
        suggested_by=other_focal_point,
        member_state=MemberState.objects.get(code="DE"),
    )
    AgendaSuggestion.objects.create(
        meeting=plenary, title="From the DMR", rationale="r", suggested_by=other_focal_point
    )
    Attendance.objects.create(meeting=plenary, user=focal_point, response="online")
    return plenary


def meeting_page(client, url: str, data=None) -> tuple[str, int]:
    """The page's HTML (tokens left out) and its queries: shown, or a form sent back."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url) if data is None else client.post(url, data)
    return VARYING.sub(r'name="\1"', response.content.decode()), len(queries)


def meeting_page_before(monkeypatch, client, url: str, data=None) -> tuple[str, int]:
    with monkeypatch.context() as before:
        before.setattr(MeetingPage, "get_template", before_code.get_template)
        before.setattr(
            meeting_page_module, "meeting_page_context", before_code.meeting_page_context
        )
        return meeting_page(client, url, data)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_meeting_page_renders_as_before_in_no_more_queries(
    busy_plenary, client, monkeypatch, request, reader, language
):
    client = sign_in(client, request.getfixturevalue(reader))
    url = meeting_url(busy_plenary, language=language)
    meeting_page_before(monkeypatch, client, url)  # each way once: SQL compiled, caches warm
    meeting_page(client, url)

    before, queries_before = meeting_page_before(monkeypatch, client, url)
    after, queries_after = meeting_page(client, url)

    assert "&lt;script&gt;alert(&quot;meeting&quot;)&lt;/script&gt;" in after
    assert "<script>alert" not in after
    assert "Annex &lt;1&gt; &amp; &#x27;two&#x27;</a> (PDF)</li>" in after
    assert ("Shared annex</a>" in after) is (reader == "dmr_user")
    if reader == "focal_point":  # invited, with an answer, and may suggest
        assert 'value="online" required id="id_response_1" checked' in after
        assert 'name="rationale"' in after
    assert after == before
    assert queries_after <= queries_before


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("route", ["suggest/", "attendance/"])
def test_a_form_sent_back_with_its_errors_renders_as_before(
    busy_plenary, client, monkeypatch, focal_point, route, language
):
    client = sign_in(client, focal_point)
    url = meeting_url(busy_plenary, route, language=language)
    refused = {"title": "", "rationale": HOSTILE, "response": "<script>"}

    before, _ = meeting_page_before(monkeypatch, client, url, refused)
    after, _ = meeting_page(client, url, refused)

    assert "error-summary" in after
    assert after == before
