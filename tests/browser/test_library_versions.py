"""The DMR adds a new version of a document in the browser and sees the history: the new
file is current, the earlier one stays listed with its note (issue 18)."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from network_pages.library import places
from network_pages.library.demo import simple_pdf
from network_pages.library.factories import make_entry, pdf_file
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_new_version_becomes_current_and_the_first_stays_in_the_history(
    live_server, browser, network, dmr_user, tmp_path
):
    entry = make_entry(
        places.NETWORK,
        dmr_user,
        title="Handbook of the network",
        note="Draft for comments",
        upload=pdf_file("handbook.pdf", "draft"),
    )
    session = sign_in(Client(), dmr_user).cookies["sessionid"].value
    context = browser.new_context(locale="en-GB")
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/en/network/library/documents/{entry.pk}/")
    expect(page.get_by_text("Draft for comments")).to_be_visible()
    # The preview loads Chromium's PDF viewer, which can move the page under a click.
    page.wait_for_load_state("networkidle")

    adopted = tmp_path / "handbook-adopted.pdf"
    adopted.write_bytes(simple_pdf("Handbook of the network", "As adopted"))
    page.get_by_role("radio", name="English").check()
    page.get_by_label("File").set_input_files(str(adopted))
    page.get_by_label("Note on this version (optional)").fill("As adopted by the plenary")
    page.get_by_role("button", name="Add the file").click()

    expect(
        page.get_by_text("The new version was added; the earlier ones are kept.")
    ).to_be_visible()
    current = page.locator(".current-version")
    expect(current).to_contain_text("As adopted by the plenary")
    history = page.locator(".version-history li")
    expect(history).to_have_count(1)
    expect(history.first).to_contain_text("Draft for comments")
    expect(page.locator("iframe.pdf-preview")).to_have_count(1)
    context.close()
