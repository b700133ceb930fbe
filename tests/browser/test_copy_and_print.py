"""Issue 16: the copy button copies a request's questions as numbered lines and says so; the
print button prints the compilation. Both come from site.js, under the strict CSP."""

import pytest

from .test_layout import signed_in_cookie

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REQUEST = "/en/network/information-requests/age-assessment/"


def test_a_focal_point_copies_the_questions_of_a_request(
    live_server, page, busy_network, focal_point
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.context.add_cookies([signed_in_cookie(focal_point, live_server)])
    page.goto(f"{live_server.url}{REQUEST}")

    page.get_by_role("button", name="Copy the questions").click()

    assert page.get_by_role("status").filter(has_text="copied").inner_text() == (
        "The questions have been copied."
    )
    assert page.evaluate("navigator.clipboard.readText()") == (
        "1. Who assesses the age?\n2. Which methods are used?"
    )


def test_the_print_button_prints_the_compilation(live_server, page, busy_network, focal_point):
    # The browser's print dialog cannot be driven: count the calls instead.
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.context.add_cookies([signed_in_cookie(focal_point, live_server)])
    page.goto(f"{live_server.url}{REQUEST}compilation/")

    page.get_by_role("button", name="Print the compilation").click()

    assert page.evaluate("window.printed") == 1
