"""The compilation: submitted answers grouped by question across states, on a printable
page and as CSV and XLSX, with state, responder and language; for members only."""

import csv
import io

import pytest
from django.template import Context, Template
from django.utils import translation
from openpyxl import load_workbook

from network_pages.information.compilation import compile_request
from network_pages.information.factories import make_response
from network_pages.information.models import Response
from network_pages.information.templatetags.compilation_rows import answer_rows
from tests.conftest import sign_in
from tests.spreadsheet_support import formula_cells

from .conftest import QUESTIONS, body_of, request_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def responses(open_request, other_focal_point, approver):
    make_response(
        open_request,
        "DE",
        ["Jugendämter", '=HYPERLINK("http://evil.example")', "Vormund"],
        submitted_by=other_focal_point,
        language="en",
    )
    make_response(
        open_request, "IT", ["Prefetture", None, "Tutore"], submitted_by=approver, language="fr"
    )
    make_response(open_request, "FR", ["Brouillon secret"], status=Response.Status.DRAFT)


def test_compilation_groups_submitted_answers_by_question(
    client, open_request, responses, focal_point
):
    response = sign_in(client, focal_point).get(request_url(open_request, "compilation/"))

    assert response.status_code == 200
    compilation = response.context["compilation"]
    first = compilation.questions[0]
    assert (first.number, first.text) == (1, QUESTIONS[0])
    assert [(a.state_code, a.text, a.language) for a in first.answers] == [
        ("DE", "Jugendämter", "en"),
        ("IT", "Prefetture", "fr"),
    ]
    assert [(a.state_code, a.no_information) for a in compilation.questions[1].answers] == [
        ("DE", False),
        ("IT", True),
    ]
    body = response.content.decode()
    assert "Brouillon secret" not in body
    assert "Fp_de Tester" in body  # the responder
    assert "No information available" in body


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_has_one_row_per_submitted_answer_with_state_responder_and_language(
    client, open_request, responses, focal_point
):
    response = sign_in(client, focal_point).get(request_url(open_request, "compilation/csv/"))

    rows = csv_rows(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert rows[0][:6] == [
        "Question number",
        "Question",
        "Member state",
        "Responder",
        "Language of the response",
        "Answer",
    ]
    assert len(rows) == 1 + 6
    assert rows[1][:6] == ["1", QUESTIONS[0], "Germany", "Fp_de Tester", "EN", "Jugendämter"]
    assert rows[4][2:7] == ["Italy", "Approver Tester", "FR", "", "yes"]
    assert not any("Brouillon" in cell for row in rows for cell in row)


def test_xlsx_read_back_matches_the_data(client, open_request, responses, focal_point):
    response = sign_in(client, focal_point).get(request_url(open_request, "compilation/xlsx/"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][2:5] == ["Member state", "Responder", "Language of the response"]
    assert rows[1][:6] == [1, QUESTIONS[0], "Germany", "Fp_de Tester", "EN", "Jugendämter"]
    assert [row[2] for row in rows[1:]] == ["Germany", "Italy"] * 3
    assert rows[6][5] == "Tutore"


def test_exports_neutralise_formulas(client, open_request, responses, focal_point):
    sign_in(client, focal_point)
    csv_response = client.get(request_url(open_request, "compilation/csv/"))
    xlsx_response = client.get(request_url(open_request, "compilation/xlsx/"))

    csv_cell = csv_rows(csv_response)[3][5]
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    xlsx_cell = sheet.cell(row=4, column=6)
    assert csv_cell == '\'=HYPERLINK("http://evil.example")'
    assert xlsx_cell.value == '\'=HYPERLINK("http://evil.example")'
    assert xlsx_cell.data_type == "s"


def test_an_answer_hiding_a_formula_behind_a_separator_stays_text(
    client, open_request, other_focal_point, focal_point
):
    make_response(
        open_request, "DE", ["Yes;=1+1;", "No\t@SUM(A1)", "a,+1"], submitted_by=other_focal_point
    )

    response = sign_in(client, focal_point).get(request_url(open_request, "compilation/csv/"))

    assert formula_cells(response.content) == []
    assert "Yes;'=1+1;" in csv_rows(response)[1]


def test_compilation_headers_follow_the_readers_language(
    client, open_request, responses, focal_point
):
    response = sign_in(client, focal_point).get(
        request_url(open_request, "compilation/csv/", language="fr")
    )

    assert csv_rows(response)[1][2] == "Allemagne"  # the state's French name


@pytest.mark.parametrize("route", ["compilation/", "compilation/csv/", "compilation/xlsx/"])
def test_dmr_and_every_member_may_download(
    client, open_request, responses, dmr_user, approver, route
):
    for member in (dmr_user, approver):
        client.logout()
        assert sign_in(client, member).get(request_url(open_request, route)).status_code == 200


def test_compilation_of_a_request_without_responses_is_empty(client, open_request, focal_point):
    response = sign_in(client, focal_point).get(request_url(open_request, "compilation/xlsx/"))

    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 1
    assert "Jugend" not in body_of(response)


# The answers' rows of compilation.html before they were written in Python (issue 17).
TEMPLATE_ROWS = """{% load i18n %}{% for answer in question.answers %}
            <tr>
                <th scope="row">{{ answer.state }}</th>
                <td>{{ answer.responder }}</td>
                <td>{{ answer.language|upper }}</td>
                <td lang="{{ answer.language }}">{% if answer.no_information %}<em>{% translate "No information available" %}</em>{% else %}{{ answer.text|linebreaksbr }}{% endif %}</td>
            </tr>
        {% endfor %}"""  # noqa: E501


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_answers_rows_are_the_markup_of_the_template_they_replaced(
    open_request, other_focal_point, language
):
    make_response(
        open_request,
        "DE",
        ['Line one <b>"&"</b>\r\nLine two\rLine three', None, "l'État"],
        submitted_by=other_focal_point,
        language="en",
    )
    make_response(open_request, "IT", ["Prefetture", "Tutore", None], language="fr")
    with translation.override(language):
        compilation = compile_request(open_request)
        for question in compilation.questions:
            expected = Template(TEMPLATE_ROWS).render(Context({"question": question}))
            assert answer_rows(question.answers) == expected


def test_an_answer_without_a_submitter_names_no_responder(open_request):
    make_response(open_request, "IT", ["Prefetture"], language="fr")
    answer = compile_request(open_request).questions[0].answers[0]
    assert answer.responder == ""
