"""4.9: the DMR, which manages the network, can export the directory as a spreadsheet."""

import csv
import io

import pytest

from network_pages.models import MemberProfile
from tests.conftest import sign_in
from tests.spreadsheet_support import formula_cells

from .conftest import directory_url

pytestmark = pytest.mark.django_db

EXPORT = directory_url("export/csv/")
HEADER = [
    "State code",
    "State",
    "Name",
    "Function",
    "Institution",
    "Position",
    "Email",
    "Phone",
    "Preferred language",
]


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_dmr_downloads_the_directory_as_a_csv_attachment(client, members, dmr_user):
    response = sign_in(client, dmr_user).get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="nfp-directory-')
    assert response.content.startswith("\ufeff".encode())  # spreadsheets read it as UTF-8


def test_export_lists_every_listed_person_with_the_agreed_columns(client, members, dmr_user):
    rows = read_csv(sign_in(client, dmr_user).get(EXPORT))

    assert rows[0] == HEADER
    assert [
        "FR",
        "France",
        "Claire Dubois",
        "Focal Point",
        "Ministère de l'Intérieur",
        "Head of unit",
        "claire.dubois@interieur.example",
        "'+33 1 23 45 67 89",
        "fr",
    ] in rows
    assert [
        "",
        "",
        "Dana Moreau",
        "DMR Secretariat",
        "Council of Europe, DMR",
        "",
        "dana@example.org",
        "",
        "en",
    ] in rows
    assert [row[2] for row in rows[1:]] == [
        "Claire Dubois",  # France: Focal Points, then deputies
        "Fp_fr Tester",
        "Marc Aubert",
        "Hans Becker",  # Germany
        "Fp_de Tester",
        "Approver Tester",  # Italy
        "Dana Moreau",  # the Secretariat comes last
        "Dmr Tester",
    ]


def test_export_leaves_out_guests_and_inactive_members(client, members, dmr_user, guest):
    MemberProfile.objects.filter(user=members["hans"]).update(is_active=False)

    names = {row[2] for row in read_csv(sign_in(client, dmr_user).get(EXPORT))}

    assert "Hans Becker" not in names
    assert "Guest Tester" not in names


def test_cells_that_a_spreadsheet_would_run_get_a_leading_apostrophe(client, members, dmr_user):
    MemberProfile.objects.filter(user=members["claire"]).update(
        institution='=HYPERLINK("http://evil.example","click")',
        position="@SUM(A1:A9)",
        phone="-1+1",
    )
    members["claire"].first_name = "+Claire"
    members["claire"].save()

    rows = read_csv(sign_in(client, dmr_user).get(EXPORT))

    claire = next(row for row in rows if row[6] == "claire.dubois@interieur.example")
    assert claire[2] == "'+Claire Dubois"
    assert claire[4] == '\'=HYPERLINK("http://evil.example","click")'
    assert claire[5] == "'@SUM(A1:A9)"
    assert claire[7] == "'-1+1"


def test_focal_point_may_not_export_the_directory(client, members, focal_point):
    response = sign_in(client, focal_point).get(EXPORT)

    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")
    assert b"Claire Dubois" not in response.content


def test_network_approver_may_not_export_the_directory(client, members, approver):
    response = sign_in(client, approver).get(EXPORT)

    assert response.status_code == 403


def test_export_link_is_offered_to_the_dmr_only(client, members, dmr_user, focal_point):
    dmr_page = sign_in(client, dmr_user).get(directory_url()).content.decode()
    client.logout()
    member_page = sign_in(client, focal_point).get(directory_url()).content.decode()

    link = f'href="{EXPORT}"'
    assert link in dmr_page
    assert link not in member_page


def test_export_is_never_stored_by_a_cache(client, members, dmr_user):
    response = sign_in(client, dmr_user).get(EXPORT)

    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_directory_cells_hiding_formulas_behind_a_separator_stay_text(client, members, dmr_user):
    MemberProfile.objects.filter(user=members["claire"]).update(
        institution="Ministry;=1+1;", position="Head\t@SUM(A1)", phone="+33 1;-2"
    )

    response = sign_in(client, dmr_user).get(EXPORT)

    assert formula_cells(response.content) == []
