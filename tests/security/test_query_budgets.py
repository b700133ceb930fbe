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
    # (A Focal Point's network home is within budget: 14, was 26 and 29, then 20 and 21, 18
    # and 19, 17 and 18, 16: the session, its user with their profiles, groups and OTP
    # device, routing and restrictions come first (5), then the work lists, one query each
    # (4: meetings to answer, their agenda suggestions, requests to answer, their
    # submissions), 4 for the activity (comments, new pages with, in French, every link's
    # translation; their restrictions; their comment audiences) and 1 for the reader's
    # groups and rapporteur terms. Reading two lists in one query with window functions
    # saved a query and cost 11 ms of CPU (issue 17, 2026-12-03).)
    # The DMR's: the Secretariat's eight work lists (failed emails, invitations, agenda
    # suggestions, overdue convocations with the holidays they count, submissions to
    # review, response rates, joint approvals, translations) instead of the four.
    "/en/network/ as DMR Secretariat": 19,
    "/fr/reseau/ as DMR Secretariat": 19,
}
# (Meeting A is within budget: 14 at the marked size, 15 grown, was 30. Its documents cost
# 4 grown (the documents, their collections' restrictions, the meetings that list them with
# the probe of their other owners, those meetings' restrictions) and 3 at the marked size.)
KNOWN_ADMIN_OVER_BUDGET: dict[str, int] = {
    # (The DMR's dashboard is within budget: 25, was 36. Its work lists read only what they
    # show, Wagtail's site summary gave way to them, the upcoming meetings come with their
    # convocations, and the session's user with their profiles and permissions.)
    # The explorer listing of the network home (was 47). Ours: the header's buttons (1,
    # workflows/header_facts.py), the sections' "Add child page" check (1,
    # nfp_site/page_counts.py). The explorer (nfp_site/page_explorer.py) reads rows as deferred
    # specific pages (no query per page type; a type's admin-title fields once per type),
    # without the "Owner", "Edited by" and "Site" filters (each listed every user or site) or
    # the unused parent column. What is left is Wagtail's ExplorableIndexView: the session, the
    # user with their groups and OTP device (network_pages/user_backend.py), and permissions
    # (3), the router's page type, page permissions, the parent with its workflow states,
    # specific page, scheduled revision, locale and translations (8), the explorable root and
    # the explorable pages' root (2), the locale filter's and the page-type filter's choices
    # (2), the count, the rows and their workflow states and locales (4), the sidebar's locales
    # and collection permissions (2), the breadcrumbs (1), the status panel's privacy, usage
    # count and revisions (4), the request's site (1), the directory's max_count (1). (The rows'
    # releases and translation questions are in the listing query.)
    "/admin/pages/<id>/": 30,
    # Wagtail's editor (was 44; nfp_site/page_editor.py, workflows/localize_editor.py). A
    # meeting's editor, query by query (38 for the demo's meeting): the session, the user with
    # their groups and OTP device, and permissions (3); the router's page type, the page with
    # its workflow states, its latest and scheduled revisions, its specific page, its parent,
    # page permissions (8); the header facts, which also answer wagtail-localize's three
    # questions (1); the subscription, the workflow state, the locale, the translations (4); the
    # comments and their authors (2); the inline panels (documents, external participants,
    # agenda items) and the participants' choices and selection (5); has_workflow, asked twice
    # by the action menu (2); the editing session's clean-up and creation (4: select, begin,
    # commit, insert); the sidebar's locales, collection permissions and explorable root (3);
    # breadcrumbs, privacy, usage count, the live revision's author (4); ours: the convocation
    # panel (2).
    "/admin/pages/<id>/edit/": 35,
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
