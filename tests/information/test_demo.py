"""The demo has an open request in French and one in English, responses and items."""

import pytest

from network_pages.area_addresses import localized
from network_pages.information.demo import seed_information_demo
from network_pages.information.models import (
    InformationItemPage,
    InformationRequestPage,
    Response,
)
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_demo_has_open_requests_in_french_and_english_with_responses(network):
    lines = seed_information_demo(network)

    requests = InformationRequestPage.objects.filter(alias_of__isnull=True, live=True)
    assert sorted(requests.values_list("language", "status")) == [("en", "open"), ("fr", "open")]
    assert Response.objects.filter(status="submitted").count() == 2
    assert InformationItemPage.objects.filter(alias_of__isnull=True, live=True).count() == 2
    assert any("/en/network/information-requests/" in line for line in lines)


def test_demo_twice_creates_nothing_more(network):
    seed_information_demo(network)
    counts = (InformationRequestPage.objects.count(), Response.objects.count())

    seed_information_demo(network)

    assert (InformationRequestPage.objects.count(), Response.objects.count()) == counts


def test_demo_request_pages_are_served_in_both_languages(client, network, focal_point):
    seed_information_demo(network)
    sign_in(client, focal_point)

    for language in ("en", "fr"):
        assert (
            client.get(localized(f"/{language}/network/information-requests/")).status_code == 200
        )
        assert (
            client.get(
                localized(
                    f"/{language}/network/information-requests/accueil-des-mineurs-non-accompagnes/"
                )
            ).status_code
            == 200
        )
