import pytest
from django.core.management import call_command
from django_otp.oath import TOTP

from network_pages.demo import DEMO_PASSWORD, demo_totp_key

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def current_code(username: str) -> str:
    return f"{TOTP(bytes.fromhex(demo_totp_key(username))).token():06d}"


def test_focal_point_signs_in_with_a_one_time_code_reads_the_directory_and_signs_out(
    live_server, page
):
    call_command("seed_demo")

    page.goto(f"{live_server.url}/en/network/directory/")
    assert "/en/accounts/login/" in page.url

    page.get_by_label("Username").fill("fp_de")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/en/accounts/verify/**")

    page.get_by_role("textbox", name="Code from your authenticator app").fill(current_code("fp_de"))
    page.get_by_role("button", name="Verify", exact=True).click()
    page.wait_for_url(f"{live_server.url}/en/network/directory/")

    assert page.get_by_role("heading", level=1).inner_text() == "Directory"
    assert page.get_by_text("Claire").first.is_visible()

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{live_server.url}/en/")
    page.goto(f"{live_server.url}/en/network/directory/")
    assert "/en/accounts/login/" in page.url
