"""Issue 17: every page of the site costs at most 15 queries and every main admin screen at
most 25, at the marked site's size and again once the site has grown (query_budgets.py)."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import TestCase, override_settings

from .conftest import make_users
from .query_budgets import (
    ADMIN_BUDGET,
    SITE_BUDGET,
    grow,
    key_of,
    known_key,
    measure,
    over_budget,
    table,
)
from .site_with_markers import build_marked_site

pytestmark = pytest.mark.django_db

# Pages still above the budget, with what they cost at most (at both sizes): each line is
# work left for issue 17, never a licence to grow.
KNOWN_OVER_BUDGET: dict[str, int] = {
    # (The network home is within budget: a Focal Point's 14, was 26 and 29, then 20 and
    # 21, 18 and 19, 17 and 18, 16: the session, its user with their groups and OTP device
    # in one query, routing and restrictions come first (5), then the work lists, one query
    # each (4: meetings to answer, their agenda suggestions, requests to answer, their
    # submissions), 4 for the activity (comments, new pages with, in French, every link's
    # translation; their restrictions; their comment audiences) and 1 for the reader's
    # groups and rapporteur terms. The DMR's 15, was 21: the Secretariat's eight work lists
    # in five queries (failed emails with invitations, submissions to review with response
    # rates, joint approvals with translations: one UNION each; agenda suggestions; overdue
    # convocations, whose holidays are kept in the cache). Issue 17, 2026-12-03.)
}
# (Meeting A is within budget: 14 at the marked size, 15 grown, was 30. Its documents cost
# 4 grown (the documents, their collections' restrictions, the meetings that list them with
# the probe of their other owners, those meetings' restrictions) and 3 at the marked size.)
KNOWN_ADMIN_OVER_BUDGET: dict[str, int] = {
    # Measured as the bench measures them (query_budgets.admin_screens): the DMR at work, with
    # recent edits, a draft it submitted and reviews, the requests' explorer and a request's
    # editor. The suite counts one query more than production for every signed-in screen
    # (its sessions are read from the database; production reads them from the cache).
    # (The DMR's dashboard is within budget: 25, was 33 with the DMR at work, then 31: the session,
    # user with groups and OTP device, and permissions (3), the Secretariat's eight work lists (5:
    # three UNIONs, the holidays kept in the cache), the meetings panel
    # (1), Wagtail's explorable root (2), the sidebar's locales and collection permissions
    # (2), "Your pages in a workflow" (2: the states, then the pages with their latest revisions,
    # read once for both workflow panels, workflows/dashboard.py), "Awaiting your review" (6: the
    # active tasks of each kind, the reviewer's group, the task states, the workflows' tasks and
    # their status), "Your most recent edits" (2, nfp_site/admin_dashboard.py), the locked pages
    # (1).)
    # (The explorers are within budget too, at most 25: the network home's was 32 and the requests'
    # 31: the session, user with groups and OTP device, and permissions (3), the router's page
    # type, page permissions, the parent with its workflow states, the explorable root, its
    # specific page, scheduled revision, locale and translations (8), the explorable pages' root
    # and the readable-pages rule's groups (2), the count, the rows with their workflow states
    # (3), the header's facts (1), the requests' languages (1), the sidebar's locales and
    # collection permissions (2), the breadcrumbs (1), the status panel's usage count and revisions
    # (3); the network home's sections' "Add child page" check (1). Read from memory or the cache
    # instead: the rows' locales and the filters' choices (locales, page types), the restrictions
    # (privacy), the request's site.)
    # Wagtail's editor: a meeting's and a request's (at most 30, were 37 and 36, then 33; the
    # request's 26 here, 25 in production). A request's: the session, user with groups and OTP
    # device, and permissions (3); the router's page type, the page with its workflow states,
    # its latest and scheduled revisions, its specific page, its parent, page permissions (7);
    # the header facts with the page's translations (1, was 2); the subscription, the last
    # workflow state (2); the comments and their authors (2); the reader's groups for the
    # buttons (1); "does a workflow cover it?" (1, was 2); the questions (1); the member states
    # and users of its two selects (2, was 4); the editing session's creation (1; the stale
    # ones' clean-up at most once a minute, was 2, then 4 in production); the sidebar's
    # collection permissions and explorable root (2; its locales from memory); the breadcrumbs
    # with the request's language (2); the usage count (1). A meeting's adds its inline panels
    # and the convocation panel.
    "/admin/pages/<id>/edit/": 30,
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


def test_a_known_offender_is_listed_at_what_it_costs_not_more(costs):
    """A line in KNOWN_*_OVER_BUDGET is lowered (or deleted) as soon as its page gets cheaper."""
    loose = []
    for measured, known, budget in (
        ([*costs["marked"][0], *costs["grown"][0]], KNOWN_OVER_BUDGET, SITE_BUDGET),
        ([*costs["marked"][1], *costs["grown"][1]], KNOWN_ADMIN_OVER_BUDGET, ADMIN_BUDGET),
    ):

        def listed_as(cost, known=known) -> str:
            return known_key(cost) if known_key(cost) in known else key_of(cost.url)

        for key, allowed in known.items():
            highest = max((c.queries for c in measured if listed_as(c) == key), default=0)
            if highest < allowed:
                loose.append(f"{key}: listed at {allowed}, costs {highest} (budget {budget})")

    assert not loose, "\n".join(loose)
