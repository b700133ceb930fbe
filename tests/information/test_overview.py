"""The overview of a request: the 46 member states with their status, the response rate,
and a chart whose numbers are also written out."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from network_pages.information.factories import make_response
from network_pages.information.models import Response
from network_pages.information.overview import (
    CHART_WIDTH,
    LABEL_WIDTH,
    Overview,
    StateRow,
    build_overview,
)
from network_pages.information.rules import StateStatus
from network_pages.models import MemberState
from tests.conftest import sign_in

from .conftest import request_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def responses(open_request):
    make_response(open_request, "DE", ["a", "b", "c"])
    make_response(open_request, "IT", ["a", None, "c"])
    make_response(open_request, "PL", [None, None, None])
    make_response(open_request, "FR", ["draft"], status=Response.Status.DRAFT)


def test_overview_lists_the_46_states_with_their_status(open_request, responses):
    overview = build_overview(open_request)

    statuses = {row.state.code: row.status for row in overview.rows}
    assert len(statuses) == 46
    assert statuses["DE"] == StateStatus.SUBMITTED
    assert statuses["IT"] == StateStatus.SUBMITTED
    assert statuses["PL"] == StateStatus.NO_INFORMATION
    assert statuses["FR"] == StateStatus.DRAFT
    assert statuses["AT"] == StateStatus.NOT_STARTED


def test_response_rate_counts_submitted_and_no_information_responses(open_request, responses):
    overview = build_overview(open_request)

    assert overview.counts == {
        StateStatus.NOT_STARTED: 42,
        StateStatus.DRAFT: 1,
        StateStatus.SUBMITTED: 2,
        StateStatus.NO_INFORMATION: 1,
    }
    assert overview.responded == 3
    assert overview.response_rate == 7  # 3 of 46 = 6.5 %


def test_request_page_shows_matrix_rate_and_an_accessible_chart_with_the_numbers(
    client, open_request, responses, approver
):
    body = sign_in(client, approver).get(request_url(open_request)).content.decode()

    assert "Response rate: 7% (3 of 46 member states)." in body
    assert re.search(r'<tr id="state-PL" data-state="PL" data-status="no_information">', body)
    assert re.search(r'<tr id="state-AT" data-state="AT" data-status="not_started">', body)
    svg = re.search(r"<svg[^>]*>.*?</svg>", body, re.S).group(0)
    assert 'role="img"' in svg
    assert "<title" in svg
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1)
    assert desc == "Not started: 42; Draft: 1; Submitted: 2; No information: 1."
    for status, count in (("not_started", 42), ("draft", 1), ("submitted", 2)):
        assert f'data-status="{status}">{count}</strong>' in body


def test_chart_bars_are_proportional_to_the_counts(open_request, responses):
    bars = {bar.status: bar for bar in build_overview(open_request).bars()}
    full_width = CHART_WIDTH - LABEL_WIDTH - 40  # the width of a bar for all 46 states

    assert {status: bar.count for status, bar in bars.items()} == {
        StateStatus.NOT_STARTED: 42,
        StateStatus.DRAFT: 1,
        StateStatus.SUBMITTED: 2,
        StateStatus.NO_INFORMATION: 1,
    }
    for bar in bars.values():
        assert bar.width == round(bar.count * full_width / 46)


def test_matrix_links_drafts_only_for_their_own_state(client, open_request, responses, approver):
    body = sign_in(client, approver).get(request_url(open_request)).content.decode()

    assert "responses/DE/" in body  # submitted: every member reads it
    assert "responses/FR/" not in body  # France's draft: not Italy's business


def test_own_states_draft_is_linked_and_marked(client, open_request, responses, focal_point):
    body = sign_in(client, focal_point).get(request_url(open_request)).content.decode()

    assert "responses/FR/" in body
    assert "Continue the draft" in body


# The loop `_overview.html` wrote the matrix's rows with, before `Overview.rows_html`.
ROWS_AS_THE_TEMPLATE_WROTE_THEM = """{% for row in overview.rows %}
            <tr id="state-{{ row.state.code }}" data-state="{{ row.state.code }}" data-status="{{ row.status.value }}">
                <th scope="row">{{ row.state.name }}</th>
                <td class="status status--{{ row.status.value }}">{{ row.status.label }}</td>
                <td>{% if row.response %}<time datetime="{{ row.changed_iso }}">{{ row.changed_label }}</time>{% endif %}</td>
                <td>{% if row.readable %}<a href="{{ row.response_url }}">{{ row.read_label }}</a>{% endif %}</td>
            </tr>
        {% endfor %}"""  # noqa: E501 - the template's lines as they were


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_matrix_rows_are_the_markup_the_template_loop_wrote(language):
    odd = MemberState(code="B&", name_en='Bosnia & "Herzegovina" <x>', name_fr="Bosnie & <y>")
    plain = MemberState(code="FR", name_en="France", name_fr="France")
    answered = Response(status=Response.Status.SUBMITTED)
    rows = [
        StateRow(plain, StateStatus.NOT_STARTED),
        StateRow(
            odd,
            StateStatus.SUBMITTED,
            answered,
            readable=True,
            response_url="/en/network/requests/r/responses/B&/",
            read_label='Read the response of "Bosnia" & <co>',
            changed_iso="2026-12-03T10:00:00+00:00",
            changed_label="3 December 2026 <today>",
        ),
        StateRow(plain, StateStatus.DRAFT, answered, changed_iso="x", changed_label="y"),
    ]
    overview = Overview(rows=rows)
    with translation.override(language):
        expected = Template(ROWS_AS_THE_TEMPLATE_WROTE_THEM).render(Context({"overview": overview}))
        assert overview.rows_html() == expected
