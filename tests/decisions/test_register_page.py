"""The network-wide register: members only; each Focal Point sees and updates what their
state promised; filters, exports and a query budget."""

import csv
import io

import pytest
from openpyxl import load_workbook

from network_pages.decisions.models import ActionProgress, ActionStatus
from tests.conftest import sign_in
from tests.spreadsheet_support import formula_cells

from .conftest import register_url

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return response.content.decode("utf-8")


@pytest.mark.parametrize("route", ["", "export.csv", "export.xlsx"])
def test_anonymous_visitors_are_sent_to_sign_in(client, outcome, route):
    response = client.get(register_url(route=route))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_password_only_session_is_sent_to_the_code_step(client, outcome, focal_point):
    sign_in(client, focal_point, verified=False)

    response = client.get(register_url())

    assert response.status_code == 302
    assert "/accounts/verify/" in response["Location"]


@pytest.mark.parametrize("who", ["outsider", "guest"])
def test_people_outside_the_members_are_refused(client, outcome, request, who):
    sign_in(client, request.getfixturevalue(who))

    response = client.get(register_url())

    assert response.status_code == 403
    assert "e-file guide" not in text_of(response)


def test_a_focal_point_sees_their_states_promises_first_with_a_progress_form(
    client, outcome, focal_point
):
    sign_in(client, focal_point)

    body = text_of(client.get(register_url()))

    own = body[body.index('id="own-heading"') : body.index('id="actions-heading"')]
    assert "France shares its e-file guide." in own
    assert "Germany reports" not in own
    assert f'action="/en/network/register/actions/{outcome["france"].pk}/progress/"' in own
    assert "Overdue" in own
    assert "The network adopts the digital roadmap." in body


def test_the_register_interface_is_in_french_under_fr(client, outcome, focal_point):
    sign_in(client, focal_point)

    body = text_of(client.get(register_url("fr")))

    assert "Décisions et points d" in body


def test_filters_narrow_the_action_points(client, outcome, dmr_user):
    sign_in(client, dmr_user)

    body = text_of(client.get(register_url() + "?status=overdue"))

    assert "e-file guide" in body and "circulates the minutes" in body
    assert "Germany reports" not in body and "drafts a checklist" not in body
    body = text_of(client.get(register_url() + "?state=DE"))
    assert "Germany reports" in body and "e-file guide" not in body


def test_the_register_costs_the_same_queries_for_few_or_many_actions(
    client, outcome, focal_point, plenary, django_assert_max_num_queries
):
    from network_pages.decisions.models import ActionPoint
    from network_pages.models import MemberState

    sign_in(client, focal_point)
    with django_assert_max_num_queries(30) as few:
        client.get(register_url())
    france = MemberState.objects.get(code="FR")
    for number in range(20):
        ActionPoint.objects.create(meeting=plenary, description=f"A{number}", owner_state=france)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(register_url())


def test_the_csv_export_neutralises_formulas(client, outcome, focal_point):
    sign_in(client, focal_point)

    response = client.get(register_url(route="export.csv"))

    rows = list(csv.reader(io.StringIO(text_of(response).lstrip("\ufeff"))))
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://evil.example") Germany reports.' in cells
    assert formula_cells(response.content) == []


def test_the_xlsx_export_holds_the_register_without_formulas(client, outcome, focal_point):
    sign_in(client, focal_point)

    response = client.get(register_url(route="export.xlsx"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "France shares its e-file guide." in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


def test_a_focal_point_records_progress_on_their_states_action(client, outcome, focal_point):
    sign_in(client, focal_point)
    action = outcome["france"]

    response = client.post(
        register_url(route=f"actions/{action.pk}/progress/"),
        {"status": ActionStatus.DONE, "note": "Guide sent to all members."},
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    progress = ActionProgress.objects.get(action=action)
    assert (progress.note, progress.author) == ("Guide sent to all members.", focal_point)


def test_another_states_focal_point_cannot_record_progress(client, outcome, other_focal_point):
    sign_in(client, other_focal_point)

    response = client.post(
        register_url(route=f"actions/{outcome['france'].pk}/progress/"),
        {"status": ActionStatus.DONE, "note": "Not mine."},
    )

    assert response.status_code == 403
    assert not ActionProgress.objects.exists()


def test_only_the_groups_members_report_on_a_group_action(
    client, outcome, focal_point, group, dmr_user
):
    from network_pages.community import thematic_groups

    url = register_url(route=f"actions/{outcome['group'].pk}/progress/")
    data = {"status": ActionStatus.IN_PROGRESS, "note": "Started."}
    sign_in(client, focal_point)
    assert client.post(url, data).status_code == 403

    thematic_groups.join(focal_point, group)

    assert client.post(url, data).status_code == 302


def test_progress_is_posted_never_fetched(client, outcome, focal_point):
    sign_in(client, focal_point)

    response = client.get(register_url(route=f"actions/{outcome['france'].pk}/progress/"))

    assert response.status_code == 405


def test_the_meeting_page_shows_its_decisions_and_action_points(client, outcome, focal_point):
    sign_in(client, focal_point)

    body = text_of(client.get("/en/network/meetings/plenary-2026/"))

    assert "The network adopts the digital roadmap." in body
    assert "France shares its e-file guide." in body
