"""Public pages are selected by their place in the tree: the SQL does not grow with the
number of view restrictions, and the answer is Wagtail's `.public()`."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import NewsItemPage
from home.public_pages import is_public, only_public, restricted_root_paths
from network_pages.network_area import restrict_to_network
from tests.home.conftest import publish_under

pytestmark = pytest.mark.django_db


def _sql_of(queryset) -> str:
    with CaptureQueriesContext(connection) as queries:
        list(queryset)
    return queries[-1]["sql"]


def test_only_public_selects_what_wagtail_public_selects(public_section):
    ours = set(only_public(Page.objects.live()).values_list("pk", flat=True))
    wagtails = set(Page.objects.live().public().values_list("pk", flat=True))
    assert ours == wagtails


def test_the_sql_does_not_grow_with_restrictions_inside_the_network_area(public_section, network):
    restricted_root_paths()  # the cache is warm in both measures
    before = _sql_of(only_public(Page.objects.live()))
    for number in range(10):
        meeting = publish_under(network, NewsItemPage(title=f"Meeting {number}", intro="x"))
        restrict_to_network(meeting)
    restricted_root_paths()
    after = _sql_of(only_public(Page.objects.live()))
    assert len(after) == len(before)


def test_restricting_a_public_page_takes_it_out_at_once(public_section):
    news = public_section.news_en
    assert only_public(Page.objects.filter(pk=news.pk)).exists()
    restriction = PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.LOGIN
    )
    assert not only_public(Page.objects.filter(pk=news.pk)).exists()
    assert not is_public(news)
    restriction.delete()
    assert only_public(Page.objects.filter(pk=news.pk)).exists()


def test_a_page_moved_into_the_network_area_is_no_longer_public(public_section, network):
    news = public_section.news_en
    restricted_root_paths()
    news.move(network, pos="last-child")
    assert not only_public(Page.objects.filter(pk=news.pk)).exists()


def test_the_restricted_roots_cost_no_query_once_cached(public_section, django_assert_num_queries):
    restricted_root_paths()
    with django_assert_num_queries(0):
        restricted_root_paths()
