"""The calendar link page (a member's private feed address): created and shown once, and
refused to whoever is not a verified member (3.1). Apart from test_calendars.py and
test_confidentiality.py, whose every test stands on the module's plenary (built once for
the module, tests/meetings/conftest.py): these need none."""

import pytest

from network_pages.meetings.models import CalendarFeed
from tests.conftest import sign_in

from .test_calendars import FEED_LINK, create_link

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


def test_member_creates_a_feed_link_shown_only_once(client, focal_point):
    client = sign_in(client, focal_point)

    link = create_link(client)
    again = client.get("/en/calendar/").content.decode()

    assert link.startswith("/en/calendar/")
    assert FEED_LINK.search(again) is None
    assert "Your current link was created on" in again
    token = link.removeprefix("/en/calendar/").removesuffix(".ics")
    assert token not in CalendarFeed.objects.get().token_digest
