"""Growing a database: the sizes are reached, the same size gives the same data, and a
second growth adds nothing. At a tiny size, grown once for the module (twice, to compare),
inside a transaction rolled back at its end."""

import io
import json
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page

from network_pages.bench import grow, pages, side_by_side
from network_pages.community.models import MemberComment
from network_pages.information.models import InformationRequestPage, Response
from network_pages.library.models import LibraryEntry
from network_pages.search import indexing
from network_pages.search.models import SearchEntry
from network_pages.site_structure import ensure_site_structure

pytestmark = pytest.mark.django_db

TINY = grow.Sizes(
    focal_points=12,
    groups=2,
    members_only_groups=1,
    meetings=2,
    requests=2,
    items=2,
    publications=2,
    news=1,
    good_practices=1,
    comments=30,
    documents=6,
    library_entries=3,
    heavy_threads=3,
)


def grow_tiny() -> None:
    grow.Grower(ensure_site_structure(), TINY, say=lambda line: None).run()


def fingerprint() -> list:
    """What the growth made, without database ids: titles, answering states, comments."""
    requests = InformationRequestPage.objects.filter(title__startswith="Survey")
    return [
        sorted(Page.objects.filter(alias_of__isnull=True).values_list("title", "slug")),
        sorted(
            Response.objects.filter(request__in=requests).values_list(
                "request__title", "member_state__code", "status"
            )
        ),
        sorted(MemberComment.objects.values_list("page__title", "author__username", "body")),
    ]


@dataclass(frozen=True)
class Grown:
    before: grow.Census
    after: grow.Census
    first_growth: list
    second_growth: list


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    """Where the grown documents' files are, for the module."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="module")
def grown(django_db_setup, django_db_blocker, media):
    """Grown once, undone, grown again (to compare both); every test of the module runs on
    the second growth, which is rolled back after the last one."""
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        before = grow.census()
        with transaction.atomic():
            grow_tiny()
            first = fingerprint()
            transaction.set_rollback(True)
        grow_tiny()
        yield Grown(before, grow.census(), first, fingerprint())
        transaction.set_rollback(True)


def test_growth_reaches_the_sizes_asked_for(grown):
    before, after = grown.before, grown.after
    assert after.requests - before.requests == TINY.requests
    assert after.meetings - before.meetings == TINY.meetings
    assert after.groups - before.groups == TINY.groups
    assert after.items - before.items == TINY.items
    assert after.comments - before.comments == TINY.comments
    assert after.focal_points - before.focal_points == TINY.focal_points


def test_public_pages_are_grown_in_english_and_in_french(grown):
    before, after = grown.before, grown.after
    assert after.publications - before.publications == 2 * TINY.publications
    assert after.news - before.news == 2 * TINY.news
    assert after.good_practices - before.good_practices == 2 * TINY.good_practices


def test_the_measured_request_has_an_answer_from_every_member_state(grown):
    first = InformationRequestPage.objects.get(title__startswith="Survey 0001:", alias_of=None)
    assert first.responses.count() == grown.after.member_states == 46


def test_meetings_and_members_only_workspaces_add_view_restrictions(grown):
    # One per meeting and one per members-only workspace page (its update).
    added = grown.after.view_restrictions - grown.before.view_restrictions
    assert added == TINY.meetings + TINY.members_only_groups


def test_the_measured_pages_carry_the_heavy_comment_threads(grown):
    first = InformationRequestPage.objects.get(title__startswith="Survey 0001:", alias_of=None)
    threads = MemberComment.objects.filter(page=first, parent=None)
    assert threads.count() == TINY.heavy_threads
    assert MemberComment.objects.filter(page=first, parent__isnull=False).count() == (
        2 * TINY.heavy_threads
    )


def test_the_grown_documents_are_attached_and_indexed_for_the_members_search(
    grown, settings, media
):
    # The library's entries have files too: one each, and two more for every third one.
    library_files = TINY.library_entries + 2 * len(range(0, TINY.library_entries, 3))
    assert grown.after.documents - grown.before.documents == TINY.documents + library_files
    settings.MEDIA_ROOT = media

    grow.index_members_search()

    entries = SearchEntry.objects.filter(
        kind=SearchEntry.Kind.DOCUMENT, title__startswith="Bench document"
    )
    assert entries.count() == TINY.documents
    assert all(entry.body for entry in entries)


def test_the_same_size_grows_the_same_data(grown):
    assert grown.second_growth == grown.first_growth


def test_a_second_growth_adds_nothing(grown):
    grow_tiny()
    assert grow.census() == grown.after


def test_library_entries_are_grown_with_versions_in_english_and_french(grown):
    assert grown.after.library_entries - grown.before.library_entries == TINY.library_entries
    first = LibraryEntry.objects.get(title__startswith="Bench library entry 001:")
    languages = sorted(first.versions.values_list("language", flat=True))
    assert languages == ["en", "en", "fr"]


def test_a_first_indexing_in_bulk_writes_the_entries_the_worker_would(grown, settings, media):
    settings.MEDIA_ROOT = media
    indexing.rebuild_all()
    columns = ("kind", "source_id", "page_id", "audience", "member_state_id", "title", "body")
    expected = sorted(SearchEntry.objects.values_list(*columns))
    SearchEntry.objects.all().delete()

    grow.index_members_search()

    assert sorted(SearchEntry.objects.values_list(*columns)) == expected
    assert expected


def test_every_loaded_page_is_judged_by_the_targets_of_what_it_is(grown):
    """Public pages by the cache's target, network pages and the members' search by the
    restricted pages' one, admin screens by theirs, the one-at-a-time search by its p95."""
    found = {(t.label, t.role): t for t in pages.targets()}
    assert found[("home page", pages.ANONYMOUS)].kind == pages.CACHED_PUBLIC
    assert found[("sitemap.xml", pages.ANONYMOUS)].kind == pages.CACHED_PUBLIC
    assert found[("home page", pages.FOCAL_POINT)].kind == pages.PUBLIC_VIEW
    rendered = found[("home page, rendered", pages.ANONYMOUS)]
    assert rendered.kind == pages.PUBLIC_VIEW
    assert rendered.path == f"{found[('home page', pages.ANONYMOUS)].path}?bench-render=1"
    assert found[("network home page", pages.DMR)].kind == pages.RESTRICTED
    assert found[("network home page (refused)", pages.ANONYMOUS)].kind == pages.PUBLIC_VIEW
    assert found[("library (network)", pages.FOCAL_POINT)].kind == pages.RESTRICTED
    assert found[("admin: dashboard", pages.DMR)].kind == pages.ADMIN
    one_at_a_time = found[("members' search, one at a time", pages.FOCAL_POINT)]
    assert (one_at_a_time.kind, one_at_a_time.connections) == (pages.RESTRICTED, 1)
    network = [t for t in found.values() if t.role != pages.ANONYMOUS]
    assert all(t.kind != pages.CACHED_PUBLIC for t in network)


def test_list_targets_prints_the_pages_a_baseline_beside_is_matched_by(grown):
    """`--baseline-database` runs the command with `--list-targets` on the baseline's
    database: its pages come back whole, by page and role, with its census."""
    # The demo account the bench signs in as (the tiny growth seeds no demo content).
    get_user_model().objects.create_user(pages.ACCOUNTS[pages.FOCAL_POINT])
    out = io.StringIO()
    call_command("bench", side_by_side.LIST_TARGETS, stdout=out)
    listed = json.loads(out.getvalue().strip().splitlines()[-1])
    assert listed["census"] == grow.census().summary()
    targets = [pages.Target(**target) for target in listed["targets"]]
    here = pages.targets()
    assert [(t.label, t.role, t.kind) for t in targets if not t.path.endswith(".ics")] == [
        (t.label, t.role, t.kind) for t in here
    ]
    assert {t.path for t in targets} >= {t.path for t in here}
    assert any(t.path.endswith(".ics") for t in targets)  # a Focal Point's calendar feed
    assert grow.census() == grown.after  # listed, nothing grown
