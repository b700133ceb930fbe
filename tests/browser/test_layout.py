"""Responsive layout: the main pages of each role never scroll sideways at 1280 or 390 px
(wide tables scroll inside their own box), and messages and error summaries take focus.

Screenshots are kept when NFP_SCREENSHOTS names a folder (CI keeps it as an artefact)."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.conftest import sign_in

from .conftest import LONG_TITLE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (1280, 390)


def signed_in_cookie(user, live_server) -> dict:
    client = sign_in(Client(), user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


def keep_screenshot(page, name: str) -> None:
    folder = os.environ.get("NFP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def sideways_scroll(page) -> int:
    """How many pixels the page is wider than the window (0: no horizontal scroll)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


NETWORK_PAGES = {
    "network-home": "/en/network/",
    "requests": "/en/network/information-requests/",
    "request-status-table": "/en/network/information-requests/age-assessment/",
    "compilation": "/en/network/information-requests/age-assessment/compilation/",
    "meeting-suggestions": "/en/network/meetings/plenary/",
    "directory": "/en/network/directory/",
    "your-meetings": "/en/your-meetings/",
    "our-state": "/en/our-state/",
    "account": "/en/accounts/",
    "network-home-fr": "/fr/reseau/",
}
PUBLIC_PAGES = {"home-en": "/en/", "home-fr": "/fr/", "search": "/en/search/?q=migration"}


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_for_a_focal_point(
    live_server, page, busy_network, focal_point, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies([signed_in_cookie(focal_point, live_server)])
    too_wide = {}
    for name, path in NETWORK_PAGES.items():
        page.goto(f"{live_server.url}{path}")
        keep_screenshot(page, f"focal-point-{name}-{width}")
        if sideways_scroll(page) > 0:
            too_wide[name] = sideways_scroll(page)

    assert too_wide == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_no_public_page_scrolls_sideways(live_server, page, homes, width):
    page.set_viewport_size({"width": width, "height": 900})
    too_wide = {}
    for name, path in PUBLIC_PAGES.items():
        page.goto(f"{live_server.url}{path}")
        keep_screenshot(page, f"public-{name}-{width}")
        if sideways_scroll(page) > 0:
            too_wide[name] = sideways_scroll(page)

    assert too_wide == {}


def test_the_dmrs_first_screen_lists_what_waits_without_scrolling_sideways(
    live_server, page, busy_network, dmr_user
):
    page.set_viewport_size({"width": 390, "height": 900})
    page.context.add_cookies([signed_in_cookie(dmr_user, live_server)])

    page.goto(f"{live_server.url}/en/network/")
    keep_screenshot(page, "dmr-network-home-390")

    suggestions = page.locator("#suggestions-to-decide")
    assert suggestions.get_by_role("link", name=f"{LONG_TITLE} 0".strip()).is_visible()
    assert sideways_scroll(page) == 0


def test_an_empty_response_shows_an_error_summary_that_takes_focus_and_links_to_nothing_saved(
    live_server, page, busy_network, focal_point
):
    page.context.add_cookies([signed_in_cookie(focal_point, live_server)])
    page.goto(f"{live_server.url}/en/network/information-requests/age-assessment/response/")

    page.get_by_role("button", name="Submit the response").click()

    summary = page.locator(".error-summary")
    # The click posts the form; expect() waits for the answer, is_visible() would not.
    expect(summary).to_be_visible()
    page.wait_for_function("document.activeElement.classList.contains('error-summary')")
    assert "every answer is empty" in summary.inner_text()


def test_a_guest_signs_in_and_lands_on_their_meetings(live_server, page, network, guest):
    page.context.add_cookies([signed_in_cookie(guest, live_server)])

    page.goto(f"{live_server.url}/en/network/")

    assert page.url.endswith("/en/your-meetings/")
    assert page.get_by_role("heading", level=1).inner_text() == "Your meetings"
