"""The network home's latest activity renders the same HTML as before it was read as rows
with its links built from the site root paths (issue 17; the code before is kept verbatim
in `activity_before.py`): in English and in French, for a Focal Point and for the DMR, in
no more queries, and a page the reader may not see stays out of it."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from network_pages.community import activity, thematic_groups
from network_pages.community.comments.posting import hide_comment
from network_pages.community.factories import make_comment, make_update
from tests.community import activity_before

pytestmark = pytest.mark.django_db

DASHBOARD = Template("{% load community_tags %}{% network_dashboard %}")
NETWORK_HOMES = {"en": "/en/network/", "fr": "/fr/reseau/"}
PRIVATE = "MARKER-private-update-title"
# The link of a comment on the members-only group (the group's page is open to every member).
PRIVATE_COMMENTS = 'digitalisation-of-asylum-procedures/#comments"'


@pytest.fixture
def busy_network(group, private_group, working_methods, focal_point, other_focal_point, dmr_user):
    """New pages, comments and replies by authors with and without a full name, a hidden
    comment, and an update and a comment in a members-only group the Focal Point is not in."""
    thematic_groups.join(focal_point, group)
    make_update(group, "Minutes of the second call")
    comment = make_comment(group, other_focal_point, "On the group")
    make_comment(group, focal_point, "A reply", parent=comment)
    make_comment(working_methods, dmr_user, "On the methods")
    make_comment(private_group, dmr_user, "Only for the group's members")
    hidden = make_comment(working_methods, other_focal_point, "Hidden")
    hide_comment(hidden, by=dmr_user, reason="Off topic")
    other_focal_point.first_name = other_focal_point.last_name = ""
    other_focal_point.save()


def dashboard(user, language: str) -> tuple[str, int]:
    """The dashboard's HTML for `user` on the network home in `language`, and its queries."""
    request = RequestFactory().get(NETWORK_HOMES[language])
    request.user = user
    with translation.override(language), CaptureQueriesContext(connection) as queries:
        html = DASHBOARD.render(Context({"request": request}))
    return html, len(queries)


def dashboard_before(monkeypatch, user, language: str) -> tuple[str, int]:
    with monkeypatch.context() as before:
        before.setattr(activity.ReaderUrls, "_resolve_waiting", activity_before._resolve_waiting)
        before.setattr(activity.ReaderUrls, "expect", activity_before.expect)
        before.setattr(activity.ReaderUrls, "map", activity_before.map_urls)
        before.setattr(activity.ReaderUrls, "found", activity_before.found)
        before.setattr(activity, "network_activity_for", activity_before.network_activity_for)
        return dashboard(user, language)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_activity_renders_as_before_in_no_more_queries(
    busy_network, monkeypatch, request, reader, language
):
    user = request.getfixturevalue(reader)
    dashboard_before(monkeypatch, user, language)  # each way once: SQL compiled, caches warm
    dashboard(user, language)

    before, queries_before = dashboard_before(monkeypatch, user, language)
    after, queries_after = dashboard(user, language)

    assert after.count("<li>") >= 6
    assert after == before
    assert queries_after <= queries_before


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_focal_point_never_sees_a_members_only_groups_update_or_comments(
    busy_network, focal_point, dmr_user, language
):
    html, _queries = dashboard(focal_point, language)
    dmr_html, _queries = dashboard(dmr_user, language)

    assert PRIVATE not in html
    assert PRIVATE_COMMENTS not in html
    assert PRIVATE in dmr_html and PRIVATE_COMMENTS in dmr_html


def test_links_are_the_ones_wagtail_builds(busy_network, focal_point, rf):
    """`page_urls` gives `page.get_url(request)` for every page of the network area, in
    both languages."""
    pages = {page.pk: page for page in Page.objects.filter(depth__gt=1)}
    for language, home in NETWORK_HOMES.items():
        request = rf.get(home)
        with translation.override(language):
            wagtail = {pk: page.get_url(request) or "" for pk, page in pages.items()}
            assert activity.page_urls(request, pages) == wagtail
