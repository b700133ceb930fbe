"""Issue 18: the network's header and its home lead members to the members' search, the
decisions register and the date polls, in both languages; nobody else is shown them."""

import pytest

from network_pages.area_addresses import localized
from tests.conftest import sign_in

from .conftest import body_of

pytestmark = pytest.mark.django_db

TOOLS = ("network/search/", "network/register/", "network/date-polls/")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_member_is_led_to_the_search_the_register_and_the_date_polls(
    client, network, focal_point, language
):
    sign_in(client, focal_point)

    page = body_of(client.get(localized(f"/{language}/network/")))
    header, home = page.split('class="network-tools"')

    for tool in TOOLS:
        assert f'href="{localized(f"/{language}/{tool}")}"' in header, tool
    assert f'action="{localized(f"/{language}/network/search/")}"' in home
    assert f'href="{localized(f"/{language}/network/register/")}"' in home
    assert f'href="{localized(f"/{language}/network/date-polls/")}"' in home


def test_a_member_finds_the_links_on_every_page_of_the_area(client, network, focal_point):
    sign_in(client, focal_point)

    page = body_of(client.get("/en/network/search/"))

    for tool in TOOLS:
        assert f'href="/en/{tool}"' in page
    assert 'href="/en/network/search/" aria-current="page"' in page


def test_a_password_only_member_and_a_visitor_are_not_shown_the_links(client, network, focal_point):
    public = body_of(client.get("/en/"))
    sign_in(client, focal_point, verified=False)
    unverified = body_of(client.get("/en/"))

    for page in (public, unverified):
        for tool in TOOLS:
            assert f"/en/{tool}" not in page


def test_a_guest_is_offered_the_search_of_their_meetings_only(client, network, guest):
    sign_in(client, guest)

    page = body_of(client.get("/en/network/search/"))

    assert 'href="/en/network/search/"' in page
    assert "/en/network/register/" not in page
    assert "/en/network/date-polls/" not in page
