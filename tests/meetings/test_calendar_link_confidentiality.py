"""3.1: the calendar link page (a member's private feed address) refuses whoever is not a
verified member. Apart from tests/meetings/test_confidentiality.py, whose every test stands
on the module's plenary (built once for the module): this one needs none."""

import pytest

from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "status", "location"),
    [
        ("anonymous", 302, "/accounts/login/?next=/en/calendar/"),
        ("password-only", 302, "/accounts/verify/?next=/en/calendar/"),
        ("verified non-member", 403, None),
    ],
)
def test_calendar_link_page_needs_a_verified_member(
    client, focal_point, outsider, kind, status, location
):
    visitor = {"anonymous": None, "password-only": focal_point, "verified non-member": outsider}
    if visitor[kind] is not None:
        sign_in(client, visitor[kind], verified=kind != "password-only")

    response = client.get("/en/calendar/")

    assert response.status_code == status
    if location:
        assert location in response["Location"]
    assert "no-store" in response["Cache-Control"]
