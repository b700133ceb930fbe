"""3.1 and DESIGN.md "One access rule": every URL of a site holding every kind of content,
each piece carrying a marker, requested as every kind of visitor.

The findings come from one sweep per module (conftest.py); each test states one rule.
"""

import pytest

from .roles import Role
from .url_inventory import CLASSIFICATION, ROUTE_CLASSIFICATION, page_models

# The test database must exist for the module's sweep (conftest.py).
pytestmark = pytest.mark.django_db


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_each_visitor_gets_the_answer_the_access_rule_gives(findings, role):
    wrong = [line for line in findings.by_role[role] if ": expected " in line]

    assert not wrong, report(wrong)


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_no_restricted_marker_reaches_a_visitor_who_may_not_see_it(findings, role):
    leaked = [line for line in findings.by_role[role] if " leaks " in line]

    assert not leaked, report(leaked)


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_restricted_responses_are_private_and_never_stored(findings, role):
    cacheable = [line for line in findings.by_role[role] if "Cache-Control" in line]

    assert not cacheable, report(cacheable)


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_allowed_visitors_see_the_content_each_probe_is_about(findings, role):
    # Otherwise a probe could pass by never reaching what it guards.
    unproven = [line for line in findings.by_role[role] if "is missing" in line]

    assert not unproven, report(unproven)


def test_the_public_search_finds_public_markers_and_nothing_else(findings):
    assert not findings.search, report(findings.search)


def test_the_members_search_finds_only_what_each_reader_may_read(findings):
    assert not findings.members_search, report(findings.members_search)


def test_sitemap_and_public_feeds_name_no_restricted_page(findings):
    assert not findings.public_listings, report(findings.public_listings)


def test_the_public_page_cache_never_holds_or_serves_anything_restricted(findings):
    assert not findings.page_cache, report(findings.page_cache)


def test_a_calendar_feed_lists_only_the_meetings_its_owner_may_open(findings):
    assert not findings.calendar_feeds, report(findings.calendar_feeds)


def test_every_classified_url_pattern_is_requested_by_the_matrix(findings):
    missing = sorted(CLASSIFICATION.keys() - findings.requested_patterns)

    assert not missing, "Add a probe for: " + ", ".join(missing)


def test_every_route_of_every_routable_page_type_is_requested_by_the_matrix(findings):
    classified = {
        (label, route) for label, routes in ROUTE_CLASSIFICATION.items() for route in routes
    }
    missing = sorted(classified - findings.requested_routes)

    assert not missing, "Add a probe for: " + ", ".join(map(str, missing))


def test_every_page_type_is_requested_by_the_matrix(findings):
    requested = {label for label, _route in findings.requested_routes}
    missing = sorted({model._meta.label for model in page_models()} - requested)

    assert not missing, "Add a page of each type to the marked site: " + ", ".join(missing)
