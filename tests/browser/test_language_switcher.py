import pytest

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
