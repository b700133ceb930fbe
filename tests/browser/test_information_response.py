"""A Focal Point answers an information request for their state, keeps a draft, submits it,
and sees their state marked as submitted in the overview of the request."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from network_pages.information.factories import make_request
from network_pages.information.site_setup import ensure_information_indexes
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def signed_in_cookie(user, live_server) -> dict:
    """The session of `user`, past both sign-in steps, as a browser cookie."""
    client = sign_in(Client(), user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


def test_focal_point_drafts_and_submits_a_response_then_sees_it_in_the_matrix(
    live_server, page, network, focal_point
):
    requests, _ = ensure_information_indexes(network)
    request_page = make_request(
        requests,
        title="Age assessment",
        questions=["Who assesses the age?", "Which methods are used?", "Can it be appealed?"],
        deadline=timezone.localdate() + timezone.timedelta(days=14),
    )
    page.context.add_cookies([signed_in_cookie(focal_point, live_server)])

    page.goto(f"{live_server.url}/en/network/information-requests/{request_page.slug}/")
    france = page.locator("#state-FR")
    assert france.get_by_role("cell").first.inner_text().strip().endswith("Not started")
    page.get_by_role("link", name="Answer for your state").click()

    page.get_by_label("Answer to question 1").fill("A multidisciplinary team.")
    page.get_by_role("group", name="Question 2").get_by_label("No information available").check()
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("Your draft was saved.")).to_be_visible()
    assert page.get_by_label("Answer to question 1").input_value() == "A multidisciplinary team."

    page.get_by_label("Answer to question 3").fill("Yes, before a court.")
    page.get_by_role("button", name="Submit the response").click()

    page.wait_for_url("**/age-assessment/")
    # The confirmation is at the top of the page and has the focus.
    assert page.evaluate("document.activeElement.classList.contains('banners')")
    assert page.get_by_text("The response of France was submitted").is_visible()
    row = page.locator("#state-FR")
    assert row.get_attribute("data-status") == "submitted"
    assert "Submitted" in row.get_by_role("cell").first.inner_text()
    assert page.get_by_text("Response rate: 2% (1 of 46 member states).").is_visible()
