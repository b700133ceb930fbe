"""Issue 13, 5: every comment thread says who reads it, and is read by exactly them
(README, "Comment audiences").

- A meeting page: the members of the network; its invited guests read the page only.
- A members-only thematic group (its page and its workspace pages): the group's members
  and the DMR, though every member opens the group's page.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from network_pages.community import thematic_groups
from network_pages.community.comments import audience as comment_audience
from network_pages.community.factories import make_comment, make_update
from network_pages.community.models import MemberComment, Notification
from network_pages.community.notifications import Kind, follow, notify
from network_pages.meetings import participants
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.site_setup import ensure_meetings_index
from tests.conftest import sign_in

from .conftest import url_of

pytestmark = pytest.mark.django_db

MEETING_NOTICE = "the guests invited to this meeting do not see them"
GROUP_NOTICE = "Comments are read by the members of this group and the DMR Secretariat only"


@pytest.fixture
def meeting(network, guest):
    meeting = make_meeting(ensure_meetings_index(network), title="Thematic session", slug="ts")
    guest.groups.add(Group.objects.get(name=participants.guest_group_name(meeting)))
    return meeting


def test_a_member_is_told_that_the_meetings_guests_do_not_read_its_comments(
    client, meeting, focal_point
):
    make_comment(meeting, focal_point, "MARKER-member-comment")

    page = sign_in(client, focal_point).get(url_of(meeting)).content.decode()

    assert "MARKER-member-comment" in page
    assert MEETING_NOTICE in page
    assert 'id="comment-form"' in page


def test_a_guest_opens_the_meeting_but_never_its_comments(client, meeting, focal_point, guest):
    comment = make_comment(meeting, focal_point, "MARKER-member-comment")
    sign_in(client, guest)

    page = client.get(url_of(meeting))
    replied = client.post(url_of(meeting, f"comments/{comment.pk}/reply/"), {"body": "Hi"})

    assert page.status_code == 200
    html = page.content.decode()
    assert "MARKER-member-comment" not in html
    assert "guests do not see them" in html
    assert replied.status_code == 403
    assert "MARKER-member-comment" not in replied.content.decode()
    assert not MemberComment.objects.filter(body="Hi").exists()


def test_a_members_only_groups_comments_are_for_its_members(
    client, private_group, focal_point, other_focal_point, dmr_user
):
    thematic_groups.join(focal_point, private_group)
    comment = make_comment(private_group, focal_point, "MARKER-group-comment")

    member_page = sign_in(client, focal_point).get(url_of(private_group)).content.decode()
    client.logout()
    outsider = sign_in(client, other_focal_point)
    outsider_page = outsider.get(url_of(private_group))
    outsider_reply = outsider.post(
        url_of(private_group, f"comments/{comment.pk}/reply/"), {"body": "Let me in"}
    )
    client.logout()
    dmr_page = sign_in(client, dmr_user).get(url_of(private_group)).content.decode()

    assert "MARKER-group-comment" in member_page
    assert GROUP_NOTICE in member_page
    assert outsider_page.status_code == 200  # the group's page is every member's
    assert "MARKER-group-comment" not in outsider_page.content.decode()
    assert "comments are for its members only." in outsider_page.content.decode()
    assert outsider_reply.status_code == 403
    assert "MARKER-group-comment" in dmr_page


def test_a_members_only_groups_comments_stay_its_members_on_its_french_pages(
    client, private_group, focal_point, other_focal_point
):
    thematic_groups.join(focal_point, private_group)
    update = private_group.get_children().get()
    make_comment(private_group, focal_point, "MARKER-group-comment")
    make_comment(update, focal_point, "MARKER-update-comment")

    member = sign_in(client, focal_point)
    member_pages = [
        member.get(url_of(page, language="fr")).content.decode() for page in (private_group, update)
    ]
    client.logout()
    outsider_page = sign_in(client, other_focal_point).get(url_of(private_group, language="fr"))

    assert "MARKER-group-comment" in member_pages[0]
    assert "MARKER-update-comment" in member_pages[1]
    assert outsider_page.status_code == 200
    assert "MARKER-group-comment" not in outsider_page.content.decode()


def test_an_open_groups_comments_are_every_members(client, group, focal_point, other_focal_point):
    make_comment(group, focal_point, "MARKER-open-group-comment")

    page = sign_in(client, other_focal_point).get(url_of(group)).content.decode()

    assert "MARKER-open-group-comment" in page


def test_comment_emails_go_to_the_comment_audience_only(
    private_group, focal_point, other_focal_point, django_capture_on_commit_callbacks
):
    thematic_groups.join(focal_point, private_group)
    follow(other_focal_point, private_group)
    follow(focal_point, private_group)

    with django_capture_on_commit_callbacks(execute=True):
        notify(Kind.COMMENT, private_group, actor=None)

    told = set(Notification.objects.values_list("recipient__username", flat=True))
    assert told == {focal_point.username}


def test_groups_and_their_updates_read_as_plain_pages_get_their_groups_audience_at_once(
    group, private_group
):
    updates = [make_update(group, "Open notes"), make_update(private_group, "Private notes")]
    ids = [group.pk, private_group.pk, *(update.pk for update in updates)]
    pages = list(Page.objects.filter(pk__in=ids))  # as the activity reads them: no group's setting

    with CaptureQueriesContext(connection) as queries:
        audiences = comment_audience.audiences_of(pages)

    assert len(queries) == 1  # the groups and the updates' groups together
    private = thematic_groups.workspace_group_name(private_group)
    assert audiences[private_group.pk].group_name == private
    assert audiences[updates[1].pk].group_name == private
    assert audiences[group.pk] is comment_audience.NETWORK_MEMBERS
    assert audiences[updates[0].pk] is comment_audience.NETWORK_MEMBERS
