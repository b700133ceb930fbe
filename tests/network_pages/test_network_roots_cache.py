"""Whether a page is in the network area is read from the network roots' paths kept in the
cache: no query once cached, and never stale after a root is created, moved or deleted."""

import pytest
from wagtail.models import Page

from home.models import NewsItemPage
from network_pages import network_area
from network_pages.models import NetworkHomePage
from tests.home.conftest import publish_under

pytestmark = pytest.mark.django_db


def test_a_page_below_either_network_root_is_in_the_network_area(network):
    for root in NetworkHomePage.objects.all():
        for page in Page.objects.filter(path__startswith=root.path):
            assert network_area.is_in_network_area(page), page.url_path
    assert not network_area.is_in_network_area(network.get_parent())


def test_the_answer_costs_no_query_once_cached(network, django_assert_num_queries):
    network_area.is_in_network_area(network)
    with django_assert_num_queries(0):
        assert network_area.is_in_network_area(network)


def test_a_page_moved_under_the_network_root_is_in_it_at_once(homes, network):
    page = publish_under(homes["en"], NewsItemPage(title="Moving in", intro="x"))
    assert not network_area.is_in_network_area(page)

    page.move(network, pos="last-child")

    assert network_area.is_in_network_area(Page.objects.get(pk=page.pk))


def test_a_deleted_network_root_is_forgotten_at_once(network):
    path = network.path
    assert path in network_area.network_root_paths()

    Page.objects.get(pk=network.pk).delete()

    assert path not in network_area.network_root_paths()
