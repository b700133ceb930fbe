"""Network home (4): the latest activity the member may see, their thematic groups and what
waits for them, from this app and from the providers other apps register."""

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail import hooks

from network_pages.community import activity, thematic_groups
from network_pages.community.comments.posting import hide_comment
from network_pages.community.factories import make_comment, make_thematic_group, make_update
from network_pages.community.models import Rapporteur

pytestmark = pytest.mark.django_db

# Measured: 11 queries for the dashboard, whatever the activity: the network root, new pages,
# their restrictions (two), the reader's locale, recent comments, their restrictions (two),
# which groups keep their comments to their members (issue 13), the reader's memberships
# and rapporteur terms.
DASHBOARD_BUDGET = 11 + 2


def titles(entries) -> list[str]:
    return [entry.title for entry in entries]


def test_activity_shows_new_pages_and_comments_the_member_may_see(
    private_group, group, working_methods, focal_point, other_focal_point, dmr_user
):
    make_update(group, "Open update")
    make_comment(working_methods, other_focal_point, "On the methods")
    hidden = make_comment(group, other_focal_point, "Hidden one")
    hide_comment(hidden, by=dmr_user, reason="Off topic")

    entries = activity.network_activity_for(focal_point)

    assert "Open update" in titles(entries)
    assert "MARKER-private-update-title" not in titles(entries)
    assert [e.title for e in entries if e.by] == ["Working methods"]
    assert "MARKER-private-update-title" in titles(activity.network_activity_for(dmr_user))


def test_activity_is_newest_first_and_limited(group, focal_point):
    for number in range(4):
        make_update(group, f"Update {number}")

    entries = activity.network_activity_for(focal_point, limit=3)

    assert titles(entries) == ["Update 3", "Update 2", "Update 1"]


def test_activity_links_in_the_readers_language(group, focal_point):
    make_update(group, "Open update")
    request = RequestFactory().get("/fr/reseau/")
    request.user = focal_point

    with translation.override("fr"):
        [entry, *_] = activity.network_activity_for(focal_point, request=request)

    assert entry.url.startswith("/fr/reseau/groupes-thematiques/")


def test_other_apps_add_activity_and_pending_tasks(focal_point):
    due = datetime.date(2026, 7, 1)

    def answer_requests(user):
        return [activity.PendingTask("Answer the request", "Returns in 2026", "/en/x/", due)]

    def meeting_news(user, limit):
        return [activity.ActivityEntry(timezone.now(), "New meeting", "Plenary 2026", "/en/y/")]

    with hooks.register_temporarily(activity.PENDING_TASKS_HOOK, answer_requests):
        tasks = activity.pending_tasks_for(focal_point)
    with hooks.register_temporarily(activity.ACTIVITY_HOOK, meeting_news):
        entries = activity.network_activity_for(focal_point)

    assert [(task.title, task.due) for task in tasks] == [("Returns in 2026", due)]
    assert titles(entries) == ["Plenary 2026"]


def test_groups_of_a_member_and_their_rapporteur_terms(group, focal_point):
    thematic_groups.join(focal_point, group)
    Rapporteur.objects.create(
        user=focal_point, theme="Statelessness", start_date=timezone.localdate(), volunteered=True
    )

    roles = [(role.title, role.role) for role in activity.groups_of(focal_point)]

    assert roles == [(group.title, "Member"), ("Statelessness", "Thematic rapporteur")]


def test_the_dashboard_costs_the_same_queries_with_more_activity(
    community, group, focal_point, other_focal_point
):
    thematic_groups.join(focal_point, group)
    make_update(group, "Update")
    make_comment(group, other_focal_point, "Comment")
    request = RequestFactory().get("/en/network/")
    request.user = focal_point
    template = Template("{% load community_tags %}{% network_dashboard %}")

    def render():
        return template.render(Context({"request": request}))

    render()
    with CaptureQueriesContext(connection) as few:
        render()
    for number in range(10):
        other = make_thematic_group(community["thematic_groups"], f"Group {number}")
        make_update(other, f"Update {number}")
        make_comment(other, other_focal_point, f"Comment {number}")
        thematic_groups.join(focal_point, other)
    with CaptureQueriesContext(connection) as many:
        html = render()

    assert len(many) == len(few) <= DASHBOARD_BUDGET
    assert "Update 9" in html and "Group 9" in html
