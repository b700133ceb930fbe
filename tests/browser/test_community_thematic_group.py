"""A Focal Point signs in with a one-time code, joins a thematic group, comments on its page,
and another member of the group sees the comment (issue 6)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from playwright.sync_api import expect

from network_pages.community.demo import seed_community_demo
from network_pages.demo import DEMO_PASSWORD, demo_totp_key
from network_pages.models import NetworkHomePage
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

GROUP = "/en/network/thematic-groups/digitalisation-of-asylum-procedures/"
COMMENT = "Our ministry can share its questionnaire: https://example.org/questionnaire"


def current_code(username: str) -> str:
    return f"{TOTP(bytes.fromhex(demo_totp_key(username))).token():06d}"


def test_focal_point_joins_a_group_comments_and_another_member_reads_it(live_server, page, browser):
    call_command("seed_demo")
    seed_community_demo(NetworkHomePage.objects.get(locale__language_code="en"))

    page.goto(f"{live_server.url}{GROUP}")
    page.get_by_label("Username").fill("fp_pl")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/en/accounts/verify/**")
    page.get_by_role("textbox", name="Code from your authenticator app").fill(current_code("fp_pl"))
    page.get_by_role("button", name="Verify", exact=True).click()
    page.wait_for_url(f"{live_server.url}{GROUP}")
    expect(page.get_by_text("The workspace of this group is for its members only.")).to_be_visible()

    page.get_by_role("button", name="Join the group").click()
    expect(page.get_by_text("You have joined the thematic group")).to_be_visible()
    expect(
        page.get_by_role("link", name="Draft questionnaire (for the group's members)")
    ).to_be_visible()

    page.get_by_role("textbox", name="Your comment").fill(COMMENT)
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Your comment has been posted.")).to_be_visible()
    expect(page.get_by_role("link", name="https://example.org/questionnaire")).to_be_visible()

    other_member = sign_in(Client(), get_user_model().objects.get(username="fp_de"))
    context = browser.new_context(locale="en-GB")
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": other_member.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    other = context.new_page()
    other.goto(f"{live_server.url}{GROUP}")
    comment = other.locator("article.comment", has_text="Our ministry can share its questionnaire")
    expect(comment).to_be_visible()
    expect(comment.get_by_text("Anna Nowak (Poland)", exact=True)).to_be_visible()
    context.close()
