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
    "/en/network/": 28,
    "/fr/reseau/": 34,
    "/en/network/meetings/meeting-a/": 33,
    "/fr/reseau/reunions/meeting-a/": 28,
    "/en/network/meetings/meeting-b/": 24,
    "/fr/reseau/reunions/meeting-b/": 26,
    "/fr/reseau/reunions/meeting-a/calendar/": 16,
    "/fr/reseau/reunions/meeting-b/calendar/": 16,
    "/en/network/meetings/meeting-a/comments/": 27,
    "/en/network/meetings/meeting-a/comments/<id>/reply/": 28,
    "/en/network/meetings/meeting-a/comments/<id>/edit/": 28,
    "/en/network/meetings/meeting-a/comments/<id>/delete/": 28,
    "/en/network/meetings/meeting-a/comments/<id>/hide/": 20,
    "/fr/reseau/demandes-d-information/": 17,
    "/en/network/information/": 18,
    "/fr/reseau/informations-et-bonnes-pratiques/": 19,
    "/en/network/information-requests/reception-of-minors/": 21,
    "/fr/reseau/demandes-d-information/reception-of-minors/": 22,
    "/en/network/information-requests/reception-of-minors/response/": 18,
    "/en/network/information-requests/reception-of-minors/responses/FR/": 19,
    "/fr/reseau/demandes-d-information/reception-of-minors/responses/FR/": 20,
    "/en/network/information-requests/reception-of-minors/responses/DE/": 19,
    "/en/network/information-requests/reception-of-minors/compilation/": 16,
    "/fr/reseau/demandes-d-information/reception-of-minors/compilation/": 17,
    "/fr/reseau/demandes-d-information/reception-of-minors/compilation/csv/": 16,
    "/fr/reseau/demandes-d-information/reception-of-minors/compilation/xlsx/": 16,
    "/en/network/information/integration-courses/": 20,
    "/fr/reseau/informations-et-bonnes-pratiques/integration-courses/": 21,
    "/en/network/information/integration-courses/comments/<id>/reply/": 16,
    "/en/network/information/integration-courses/comments/<id>/edit/": 16,
    "/en/network/information/integration-courses/comments/<id>/delete/": 16,
    "/en/network/information/integration-courses/comments/<id>/hide/": 16,
    "/en/network/thematic-groups/open-group/": 22,
    "/fr/reseau/groupes-thematiques/open-group/": 22,
    "/en/network/thematic-groups/open-group/comments/": 18,
    "/en/network/thematic-groups/open-group/comments/<id>/reply/": 19,
    "/en/network/thematic-groups/open-group/comments/<id>/edit/": 19,
    "/en/network/thematic-groups/open-group/comments/<id>/delete/": 19,
    "/en/network/thematic-groups/open-group/comments/<id>/hide/": 19,
    "/en/network/thematic-groups/private-group/minutes-of-the-call/": 24,
    "/fr/reseau/groupes-thematiques/private-group/minutes-of-the-call/": 24,
    "/en/network/thematic-groups/private-group/minutes-of-the-call/comments/": 20,
    "/en/network/thematic-groups/private-group/minutes-of-the-call/comments/<id>/reply/": 21,
    "/en/network/thematic-groups/private-group/minutes-of-the-call/comments/<id>/edit/": 21,
    "/en/network/thematic-groups/private-group/minutes-of-the-call/comments/<id>/delete/": 21,
    "/en/network/thematic-groups/private-group/minutes-of-the-call/comments/<id>/hide/": 21,
    "/en/network/directory/export/csv/": 17,
    "/fr/reseau/annuaire/export/csv/": 17,
    "/en/network/information-requests/": 16,
    "/en/network/working-methods/": 17,
    "/fr/reseau/methodes-de-travail/": 19,
    "/en/network/thematic-groups/private-group/": 23,
    "/fr/reseau/groupes-thematiques/private-group/": 24,
    "/en/network/thematic-groups/private-group/comments/": 19,
    "/en/network/thematic-groups/private-group/comments/<id>/reply/": 20,
    "/en/network/thematic-groups/private-group/comments/<id>/edit/": 20,
    "/en/network/thematic-groups/private-group/comments/<id>/delete/": 20,
    "/en/network/thematic-groups/private-group/comments/<id>/hide/": 20,
    "/en/network/register/": 25,
    "/en/network/register/export.csv": 19,
    "/en/network/register/export.xlsx": 19,
    "/fr/reseau/registre/": 25,
    "/fr/reseau/registre/export.csv": 19,
    "/fr/reseau/registre/export.xlsx": 19,
    "/fr/states/FR/": 17,
}
KNOWN_ADMIN_OVER_BUDGET: dict[str, int] = {
    "/admin/": 46,
    "/admin/pages/<id>/": 74,
    "/admin/pages/<id>/edit/": 51,
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
