"""3.2: each listed person's contact details as a vCard 3.0, escaped as RFC 2426 wants."""

import pytest

from network_pages.directory import vcard_escape, vcard_for
from network_pages.models import MemberProfile
from tests.conftest import sign_in

from .conftest import directory_url

pytestmark = pytest.mark.django_db


def vcard_url(user, *, language: str = "en") -> str:
    return directory_url(f"person/{user.member_profile.pk}/vcard/", language=language)


def unfolded_lines(body: bytes) -> list[str]:
    return body.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_vcard_is_a_utf8_attachment(client, members, focal_point):
    response = sign_in(client, focal_point).get(vcard_url(members["claire"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="claire-dubois.vcf"'


def test_vcard_carries_the_directorys_contact_details(client, members, focal_point):
    response = sign_in(client, focal_point).get(vcard_url(members["claire"]))

    assert unfolded_lines(response.content) == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:Dubois;Claire;;;",
        "FN:Claire Dubois",
        "ROLE:Focal Point\\, France",
        "ORG:Ministère de l'Intérieur",
        "TITLE:Head of unit",
        "EMAIL;TYPE=INTERNET,WORK:claire.dubois@interieur.example",
        "TEL;TYPE=WORK,VOICE:+33 1 23 45 67 89",
        "END:VCARD",
        "",
    ]


def test_vcard_lines_end_with_crlf(client, members, focal_point):
    body = sign_in(client, focal_point).get(vcard_url(members["claire"])).content

    assert body.endswith(b"END:VCARD\r\n")
    assert body.count(b"\n") == body.count(b"\r\n")


def test_vcard_falls_back_to_the_account_email(client, members, focal_point):
    body = sign_in(client, focal_point).get(vcard_url(members["marc"])).content

    assert "EMAIL;TYPE=INTERNET,WORK:marc@example.org" in unfolded_lines(body)


def test_vcard_escapes_commas_semicolons_backslashes_and_newlines(client, members, focal_point):
    MemberProfile.objects.filter(user=members["claire"]).update(
        institution="Ministry; Migration, Asylum\\Integration\r\nUnit 2",
        position="Head, a.i.",
    )

    body = sign_in(client, focal_point).get(vcard_url(members["claire"])).content

    lines = unfolded_lines(body)
    assert "ORG:Ministry\\; Migration\\, Asylum\\\\Integration\\nUnit 2" in lines
    assert "TITLE:Head\\, a.i." in lines


def test_vcard_escape_follows_rfc_2426():
    assert vcard_escape("a,b;c\\d\ne\rf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_long_vcard_lines_are_folded_at_75_octets_between_characters(members):
    profile = members["claire"].member_profile
    profile.institution = "Ministère " * 20
    profile.save()

    card = vcard_for(profile)

    for line in card.encode().split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # never split inside a character
    assert "ORG:" + "Ministère " * 20 in card.replace("\r\n ", "")


def test_vcard_of_a_guest_is_not_found(client, members, focal_point, guest):
    response = sign_in(client, focal_point).get(vcard_url(guest))

    assert response.status_code == 404
    assert b"BEGIN:VCARD" not in response.content


def test_vcard_of_an_inactive_member_is_not_found(client, members, focal_point):
    MemberProfile.objects.filter(user=members["hans"]).update(is_active=False)

    response = sign_in(client, focal_point).get(vcard_url(members["hans"]))

    assert response.status_code == 404


def test_vcard_of_an_unknown_person_is_not_found(client, members, focal_point):
    response = sign_in(client, focal_point).get(directory_url("person/999999/vcard/"))

    assert response.status_code == 404


def test_vcard_is_served_under_the_french_alias_too(client, members, focal_point):
    response = sign_in(client, focal_point).get(vcard_url(members["hans"], language="fr"))

    assert response.status_code == 200
    role = next(line for line in unfolded_lines(response.content) if line.startswith("ROLE:"))
    assert role.endswith("\\, Allemagne")  # the state as the reader names it
