"""The access rule a reader's searches apply is kept between their searches
(`network_pages/search/rule_cache.py`): kept, it opens exactly what the rule opens, and a
reader who loses a page stops finding it at the next search, whatever took it away."""

import time

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from network_pages import access
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.search import document_cache, indexing, readers, rule_cache
from nfp_site import cache_generation
from tests.conftest import sign_in

from .conftest import body_of, count_queries, search_url

pytestmark = pytest.mark.django_db


def found(client, user, **params) -> str:
    client.logout()
    return body_of(sign_in(client, user).get(search_url(**params)))


def ids_in(array: str) -> set[int]:
    """The ids of an array as PostgreSQL writes it (`{1,2,3}`)."""
    return {int(pk) for pk in array.strip("{}").split(",") if pk}


def test_a_kept_rule_opens_exactly_the_pages_the_access_rule_opens(
    library, focal_point, other_focal_point, dmr_user, guest, outsider
):
    pages = list(Page.objects.all())
    for user in (focal_point, other_focal_point, dmr_user, guest, outsider):
        user.is_verified = lambda: True  # as the OTP middleware says of a verified request's
        decided = readers.reader_of(user)
        kept = readers.reader_of(user)
        expected = {page.pk for page in pages if access.user_may_view_page(user, page)}
        aliases = {
            page.pk
            for page in pages
            if page.alias_of_id and access.user_may_view_page(user, page.alias_of)
        }

        assert kept.decided == decided.decided
        assert set(Page.objects.filter(kept.rule.condition()).values_list("pk", flat=True)) == (
            expected
        )
        through_alias = Page.objects.filter(kept.rule.condition("alias_of__"))
        assert set(through_alias.values_list("pk", flat=True)) == aliases
        assert {page.pk for page in pages if kept.rule.allows(page.path)} == expected
        assert [(page.pk, page.title, page.opening) for page in kept.pages] == [
            (page.pk, page.title, page.opening) for page in decided.pages
        ]
        if connection.vendor == "postgresql":
            # The ids the search reads the entries' pages among (`Decided.pages_read`).
            live = {page.pk for page in pages if page.live}
            assert ids_in(kept.decided.pages_read) == expected & live
            commented = readers._comment_pages(kept).values_list("pk", flat=True)
            assert ids_in(kept.decided.comment_pages_read) == set(commented)
        else:
            assert kept.decided.pages_read is None


def test_a_reader_stops_finding_a_page_at_once_when_it_is_restricted_from_them(
    client, library, focal_point
):
    assert "Digitalisation of reception centres" in found(client, focal_point, q="tablets")

    restriction = PageViewRestriction.objects.create(
        page=library["item"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Walrus keepers"))

    assert "Digitalisation of reception centres" not in found(client, focal_point, q="tablets")


def test_a_reader_finds_a_page_again_at_once_when_its_restriction_names_their_group(
    client, library, focal_point
):
    keepers = Group.objects.create(name="Walrus keepers")
    restriction = PageViewRestriction.objects.create(
        page=library["item"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(keepers)
    assert "Digitalisation of reception centres" not in found(client, focal_point, q="tablets")

    restriction.groups.add(*focal_point.groups.all())

    assert "Digitalisation of reception centres" in found(client, focal_point, q="tablets")


def test_a_meeting_is_offered_in_the_filters_once_it_holds_entries(
    client, areas, library, focal_point
):
    """The filters offer the meetings holding entries: the meeting's first entry starts a
    new generation of the kept rules (`rule_cache_signals`)."""
    meeting = make_meeting(
        areas["meetings"],
        title="Walrus colloquium",
        opening=days_from_today(45),
        slug="walrus-colloquium",
    )
    assert "Walrus colloquium" not in found(client, focal_point, q="tablets")

    indexing.refresh_page(meeting.pk)

    assert "Walrus colloquium" in found(client, focal_point, q="tablets")


def test_a_readers_rule_is_decided_once_for_their_searches_until_something_changes(
    client, library, focal_point
):
    sign_in(client, focal_point)
    url = search_url(q="tablets")
    client.get(url)  # the per-process caches (locales, sections, restricted roots) fill once
    document_cache.start_new_generation()  # and the kept rules' (rule_cache)
    decided = count_queries(client, url)
    kept = count_queries(client, url)

    library["item"].save()
    decided_again = count_queries(client, url)

    assert kept < decided
    assert decided_again == decided


@pytest.fixture
def shared_cache_reads(monkeypatch):
    """The keys read from the shared cache, in order."""
    from django.core.cache import cache

    keys: list[str] = []
    original = cache.get

    def get(key, *args, **kwargs):
        keys.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)
    return keys


def rule_reads(keys: list[str]) -> list[str]:
    return [key for key in keys if key.startswith(rule_cache.ENTRY_PREFIX)]


def test_a_readers_next_searches_take_their_rule_from_the_process_not_the_shared_cache(
    client, library, focal_point, shared_cache_reads
):
    """Unpickling a rule of some 300 places and pages cost ~0.4 ms of every search at
    network size (issue 17)."""
    sign_in(client, focal_point)
    url = search_url(q="tablets")
    client.get(url)
    shared_cache_reads.clear()
    assert "Digitalisation of reception centres" in body_of(client.get(url))

    assert rule_reads(shared_cache_reads) == []


def test_a_rule_kept_in_the_process_is_left_behind_at_once_by_a_new_generation(
    client, library, focal_point, shared_cache_reads
):
    sign_in(client, focal_point)
    url = search_url(q="tablets")
    client.get(url)
    document_cache.start_new_generation()
    shared_cache_reads.clear()
    client.get(url)

    assert len(rule_reads(shared_cache_reads)) == 1  # read (and decided) again


def test_a_rule_kept_in_the_process_is_read_again_once_its_time_is_over(
    client, library, focal_point, shared_cache_reads, monkeypatch
):
    sign_in(client, focal_point)
    url = search_url(q="tablets")
    client.get(url)
    later = time.monotonic() + document_cache.seconds() + 1
    monkeypatch.setattr(cache_generation.time, "monotonic", lambda: later)
    shared_cache_reads.clear()
    client.get(url)

    assert len(rule_reads(shared_cache_reads)) == 1
