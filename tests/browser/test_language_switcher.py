import pytest
from django.test import Client

from network_pages import roles
from network_pages.factories import make_member
from network_pages.site_structure import ensure_site_structure
from tests.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_reader_switches_from_english_to_french(live_server, page, homes):
    page.goto(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="français").click()

    page.wait_for_url(f"{live_server.url}/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Réseau de points de contact sur les migrations"
    )
    assert page.get_by_role("navigation", name="Langue").is_visible()


def signed_in_as_focal_point(browser, live_server):
    member = make_member("fp_fr", groups=(roles.FOCAL_POINTS,), state="FR", password=PASSWORD)
    client = sign_in(Client(), member)
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(15_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def test_the_switcher_keeps_the_query_and_warns_before_dropping_typed_text(live_server, browser):
    ensure_site_structure()
    context = signed_in_as_focal_point(browser, live_server)
    tab = context.new_page()

    tab.goto(f"{live_server.url}/en/network/directory/?q=Becker")
    tab.get_by_role("navigation", name="Language").get_by_role("link", name="français").click()
    tab.wait_for_url(f"{live_server.url}/fr/reseau/annuaire/?q=Becker")

    tab.goto(f"{live_server.url}/en/network/working-methods/")
    tab.get_by_role("textbox", name="Your comment").press_sequentially("Une remarque en cours")
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    tab.on("dialog", stay)
    tab.get_by_role("navigation", name="Language").get_by_role("link", name="français").click()
    tab.wait_for_timeout(500)

    assert dialogs == ["beforeunload"]
    assert tab.url == f"{live_server.url}/en/network/working-methods/"
    assert tab.get_by_role("textbox", name="Your comment").input_value() == "Une remarque en cours"
    context.close()
