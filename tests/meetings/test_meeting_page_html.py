"""The meeting page renders the same HTML as before its empty forms were written once per
process and its agenda and suggestions read by SQL compiled once (issue 17; the code before
is kept verbatim in `meeting_page_before.py`): in English and in French, for a Focal Point
and for the DMR, with hostile titles, in no more queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network_pages.meetings.models import AgendaItem, AgendaSuggestion, Attendance, MeetingPage
from network_pages.meetings.models import meeting_page as meeting_page_module
from network_pages.models import MemberState
from tests.conftest import sign_in

from . import meeting_page_before as before_code
from .conftest import meeting_url

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(\"meeting\")</script> & “Agenda” 'quoted'"
# Each rendering has its own masked CSRF token, each comment form its own submission key.
VARYING = re.compile(r'name="(csrfmiddlewaretoken|submission_key)" value="[^"]+"')


@pytest.fixture
def busy_plenary(plenary, focal_point, other_focal_point):
    """Hostile titles in the agenda and a suggestion; the Focal Point's attendance answer."""
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
