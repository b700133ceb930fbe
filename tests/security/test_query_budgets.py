"""Issue 17: every page of the site costs at most 15 queries and every main admin screen at
most 25, at the marked site's size and again once the site has grown (query_budgets.py)."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import TestCase, override_settings

from .conftest import make_users
from .query_budgets import ADMIN_BUDGET, SITE_BUDGET, grow, measure, over_budget, table
from .site_with_markers import build_marked_site

pytestmark = pytest.mark.django_db

# Pages still above the budget, with what they cost at most (at both sizes): each line is
# work left for issue 17, never a licence to grow.
KNOWN_OVER_BUDGET: dict[str, int] = {
    # The network home (was 26 and 29): the work lists, the activity and the reader's groups
    # are each a fixed few queries (one alias lookup for all their URLs, in French), but
    # there are many of them: the sign-in (3), routing (2), groups and restrictions (2) and
    # the language links (1) come first, then 5 work lists, 5 for the activity (new pages,
    # comments, their restrictions, their comment audience) and 2 for the reader's groups.
    "/en/network/": 20,
    "/fr/reseau/": 21,
    # Meeting A (was 30): 16 at the marked size, 17 grown (its documents also listed on
    # other meetings: those meetings' restrictions, one query however many). Its documents
    # cost 4 (the documents, their collections' restrictions, which owners they have, and
    # the meetings that list them) and its comments 1 (threads with their latest replies
    # and counts), on top of the page's own (its reader's facts, the convocation, the
    # invitation, the answer, the comment counts: one query; the reader's profile, the
    # agenda and the suggestions: one each).
    "/en/network/meetings/meeting-a/": 17,
}
KNOWN_ADMIN_OVER_BUDGET: dict[str, int] = {
    # Wagtail's own dashboard costs 23 for the DMR: the session, user and device (3), the
    # user's permissions (2) and profile (1), the locales (1), the site summary (page and
    # collection permissions, explorable root, page count, site, root page, image and
    # document counts: 8), the workflow panels (tasks by type, group check, task states,
    # pages in workflow: 6), recent edits (2). The DMR's work lists add 13, one query each
    # (groups, failed emails, invitations, agenda suggestions, upcoming meetings with their
    # holidays and convocations, profile, submissions, open requests, joint approvals,
    # translations waiting, the year's plenary). Constant with the data (also with drafts
    # waiting: tests/workflows/test_approver_dashboard_queries.py).
    "/admin/": 36,
    # The explorer listing of the network home: no per-row query left (the translation
    # buttons and the Delete gate are answered in the listing query, workflows/
    # localize_buttons.py; the sections' "Add child page" check in one count,
    # nfp_site/page_counts.py). What is left is Wagtail's: parent, permissions,
    # translations, filters (users twice, sites, types), counts, breadcrumbs, revisions,
    # usage, workflow and site prefetches (about 40), and one query per page type for the
    # rows' specific pages (8 here: every section is its own type).
    "/admin/pages/<id>/": 50,
    # Wagtail's editor: the page, its revisions, permissions, comments, the inline panels
    # (one query each), editing sessions, usage, and the member-profile choices read three
    # times by the meeting's participants field; ours: the translation and withdrawal
    # buttons (2), the convocation panel (2).
    "/admin/pages/<id>/edit/": 49,
}


@pytest.fixture(scope="module")
def costs(django_db_setup, django_db_blocker, tmp_path_factory):
    """{size: (site pages, admin screens)}: measured on the marked site, then grown."""
    cache.clear()
    result = {}
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        transaction.atomic(),
    ):
        with TestCase.captureOnCommitCallbacks(execute=True):
            users = make_users()
            site = build_marked_site(users)
        result["marked"] = measure(site, users)
        with TestCase.captureOnCommitCallbacks(execute=True):
            grow(site, users)
        result["grown"] = measure(site, users)
        transaction.set_rollback(True)
    cache.clear()
    for size, (pages, admin) in result.items():
        print(f"\nQueries per page, {size} size (pytest -s shows this):\n{table(pages + admin)}")
    return result


@pytest.mark.parametrize("size", ["marked", "grown"])
def test_every_page_of_the_site_stays_within_its_query_budget(costs, size):
    pages, _admin = costs[size]
    over = over_budget(pages, SITE_BUDGET, KNOWN_OVER_BUDGET)

    assert not over, "\n".join(over) + "\n\nAll pages:\n" + table(pages)


@pytest.mark.parametrize("size", ["marked", "grown"])
def test_every_main_admin_screen_stays_within_its_query_budget(costs, size):
    _pages, admin = costs[size]
    over = over_budget(admin, ADMIN_BUDGET, KNOWN_ADMIN_OVER_BUDGET)

    assert not over, "\n".join(over) + "\n\nAll screens:\n" + table(admin)


def test_the_budget_sweep_measures_real_pages(costs):
    pages, admin = costs["marked"]
    unanswered = [cost for cost in pages + admin if cost.status != 200]

    assert len(pages) > 50
    assert not unanswered, table(unanswered)
