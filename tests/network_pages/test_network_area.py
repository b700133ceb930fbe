import pytest
from django.core import checks
from wagtail.models import Page, PageViewRestriction

from network_pages import roles
from network_pages.models import NetworkHomePage
from network_pages.network_area import ensure_network_area
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def network_errors() -> list[checks.CheckMessage]:
    return [
        message
        for message in checks.run_checks(databases=["default"], tags=[checks.Tags.security])
        if message.id == "network_pages.E001"
    ]


def test_network_root_is_restricted_to_the_network_groups(network):
    restriction = PageViewRestriction.objects.get(page=network)

    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert set(restriction.groups.values_list("name", flat=True)) == {
        *roles.MEMBER_GROUPS,
        roles.GUESTS,
    }
    assert network_errors() == []


def test_system_check_fails_when_the_network_root_becomes_public(network):
    PageViewRestriction.objects.filter(page=network).delete()

    errors = network_errors()

    assert [error.obj.pk for error in errors] == [network.pk]


def test_a_network_page_that_lost_its_restriction_is_refused_even_to_members(
    client, network, focal_point
):
    PageViewRestriction.objects.filter(page__in=NetworkHomePage.objects.all()).delete()

    response = sign_in(client, focal_point).get("/en/network/directory/")

    assert response.status_code == 403


def test_french_copy_of_the_network_carries_its_own_restriction(network):
    french = NetworkHomePage.objects.get(locale__language_code="fr")

    # A translation of the root since issue 15 (not an alias): its own restriction is its door.
    assert french.translation_key == network.translation_key
    assert PageViewRestriction.objects.filter(page=french).exists()


def test_french_copy_stays_closed_when_it_stops_being_an_alias(client, network):
    french = NetworkHomePage.objects.get(locale__language_code="fr")
    Page.objects.filter(pk=french.pk).update(alias_of=None)

    response = client.get("/fr/reseau/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_network_area_setup_is_idempotent(network):
    pages_before = Page.objects.count()

    ensure_network_area(network.get_parent().specific)

    assert Page.objects.count() == pages_before
    assert PageViewRestriction.objects.count() == 2
