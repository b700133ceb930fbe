"""A page's view restrictions are read once per request, as Wagtail reads them."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from network_pages import access
from network_pages.models import NetworkHomePage
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_the_restrictions_are_wagtails_for_pages_and_their_aliases(network):
    pages = Page.objects.filter(path__startswith=network.get_parent().get_parent().path)
    for page in pages:
        ours = {restriction.pk for restriction in access.view_restrictions_of(page)}
        wagtails = {restriction.pk for restriction in page.get_view_restrictions()}
        assert ours == wagtails, page.url_path


def test_the_restrictions_are_read_once_per_page_object(network, django_assert_num_queries):
    page = Page.objects.get(pk=network.pk)
    access.view_restrictions_of(page)

    with django_assert_num_queries(0):
        access.view_restrictions_of(page)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_serving_a_restricted_page_reads_its_restrictions_once(
    client, network, focal_point, language
):
    sign_in(client, focal_point)
    url = NetworkHomePage.objects.get(locale__language_code=language).url
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200

    reads = [q for q in queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]]
    assert len(reads) == 1


def test_within_a_request_a_page_reached_twice_has_its_restrictions_read_once(
    network, django_assert_num_queries
):
    with access.restrictions_read_once():
        access.view_restrictions_of(Page.objects.get(pk=network.pk))
        again = Page.objects.get(pk=network.pk)  # another object for the same page

        with django_assert_num_queries(0):
            restrictions = access.view_restrictions_of(again)

    assert restrictions


def test_a_restriction_changed_within_a_request_is_read_again(network):
    page = Page.objects.get(pk=network.pk)
    with access.restrictions_read_once():
        access.view_restrictions_of(Page.objects.get(pk=page.pk))
        page.get_view_restrictions().delete()

        after = access.view_restrictions_of(Page.objects.get(pk=page.pk))

    assert after == []


def test_the_restrictions_read_for_many_pages_at_once_are_wagtails(
    network, django_assert_num_queries
):
    """For owner rules that weigh many pages (a search over many documents)."""
    network.create_alias(update_slug="network-alias")  # an alias reads its source's
    pages = list(Page.objects.filter(path__startswith=network.get_parent().get_parent().path))

    with django_assert_num_queries(1):
        access.prime_view_restrictions(pages)

    for page in pages:
        ours = {restriction.pk for restriction in access.view_restrictions_of(page)}
        wagtails = {restriction.pk for restriction in page.get_view_restrictions()}
        assert ours == wagtails, page.url_path


def test_a_restrictions_groups_read_with_it_are_wagtails_and_its_relations_filter_stays(
    network, focal_point, django_assert_num_queries
):
    """The access rule reads a restriction's group names alone; anything else asked of its
    groups (Wagtail's `groups.all()`, a filter through the relation) is answered as if they
    had been prefetched: the same groups, and a filter on them still only theirs."""
    (restriction,) = access.view_restrictions_of(Page.objects.get(pk=network.pk))
    wagtails = PageViewRestriction.objects.get(pk=restriction.pk)
    other_group = Group.objects.create(name="Not named by the network's restriction")
    focal_point.groups.add(other_group)

    with django_assert_num_queries(0):
        names = access.restriction_group_names(restriction)
        listed = {group.pk for group in restriction.groups.all()}
    assert names == {group.name for group in wagtails.groups.all()}
    assert listed == {group.pk for group in wagtails.groups.all()}
    assert len(restriction.groups.all()) == len(listed)
    assert not restriction.groups.filter(pk=other_group.pk).exists()
    assert set(restriction.groups.filter(user=focal_point)) == set(
        wagtails.groups.filter(user=focal_point)
    )
