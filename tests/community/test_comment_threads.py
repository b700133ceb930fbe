"""Issue 17, 5: "Show all replies" opens a thread's own view (`comments/<id>/`): every reply,
50 at a time, for the page's comment audience only, at a cost independent of its length."""

import pytest
from django.contrib.auth.models import Group

from network_pages.community import thematic_groups
from network_pages.community.comments import posting
from network_pages.community.comments.listing import REPLIES_PER_PAGE
from network_pages.community.factories import make_comment
from network_pages.meetings import participants
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.site_setup import ensure_meetings_index
from tests.conftest import sign_in

from .conftest import REFUSED, body_of, count_queries, url_of
from .test_comment_listing import make_authors, populate

pytestmark = pytest.mark.django_db

MARKER = "MARKER-thread-text-9b2c"
SITE_BUDGET = 15


def thread_url(page, comment, query: str = "") -> str:
    return url_of(page, f"comments/{comment.pk}/{query}")


@pytest.fixture
def meeting(network, guest):
    meeting = make_meeting(ensure_meetings_index(network), title="Thematic session", slug="ts")
    guest.groups.add(Group.objects.get(name=participants.guest_group_name(meeting)))
    return meeting


def test_the_thread_view_shows_every_reply_oldest_first(client, working_methods, focal_point):
    (thread,) = populate(working_methods, threads=1, replies=10)

    response = sign_in(client, focal_point).get(thread_url(working_methods, thread))

    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f"Reply 0.{m}<") for m in range(10)]
    assert positions == sorted(positions)
    assert "A comment and its 10 replies" in html
    assert "Show all" not in html
    assert "no-store" in response["Cache-Control"]


def test_a_long_thread_is_shown_fifty_replies_at_a_time(client, working_methods, focal_point):
    (thread,) = populate(working_methods, threads=1, replies=REPLIES_PER_PAGE + 10)
    sign_in(client, focal_point)

    first = client.get(thread_url(working_methods, thread))
    second = client.get(thread_url(working_methods, thread, "?replies-page=2"))

    assert len(first.context["thread"].thread.replies) == REPLIES_PER_PAGE
    assert '<a href="?replies-page=2#comments">Show later replies</a>' in first.content.decode()
    assert [reply.comment.body for reply in second.context["thread"].thread.replies] == [
        f"Reply 0.{m}" for m in range(REPLIES_PER_PAGE, REPLIES_PER_PAGE + 10)
    ]
    assert '<a href="?replies-page=1#comments">Show earlier replies</a>' in second.content.decode()


def test_a_thread_costs_the_same_queries_with_5_replies_as_with_60(
    client, working_methods, focal_point, django_assert_max_num_queries
):
    authors = make_authors()
    short, long = (
        populate(working_methods, threads=1, replies=replies, authors=authors)[0]
        for replies in (5, 60)
    )
    sign_in(client, focal_point).get(thread_url(working_methods, short))

    with_five = count_queries(client, thread_url(working_methods, short))

    assert count_queries(client, thread_url(working_methods, long)) == with_five
    with django_assert_max_num_queries(SITE_BUDGET):
        client.get(thread_url(working_methods, long))


@pytest.mark.parametrize("kind", list(REFUSED))
def test_refused_visitors_get_the_same_answer_for_a_thread_and_for_nothing(
    client, working_methods, focal_point, visitors, kind
):
    thread = make_comment(working_methods, focal_point, MARKER)
    if kind != "anonymous":
        sign_in(client, visitors[kind], verified=kind != "password-only")
    status, location = REFUSED[kind]

    existing = client.get(thread_url(working_methods, thread))
    missing = client.get(url_of(working_methods, f"comments/{thread.pk + 1000}/"))

    for response in (existing, missing):
        assert response.status_code == status
        if location:
            assert location in response["Location"]
        assert MARKER not in body_of(response)


def test_a_meetings_guest_never_opens_a_thread_of_its_comments(client, meeting, focal_point, guest):
    thread = make_comment(meeting, focal_point, MARKER)
    sign_in(client, guest)

    assert client.get(url_of(meeting)).status_code == 200  # the meeting is open to them
    response = client.get(thread_url(meeting, thread))

    assert response.status_code == 403
    assert MARKER not in body_of(response)


def test_a_members_only_groups_threads_are_for_its_members(
    client, private_group, focal_point, other_focal_point, dmr_user
):
    thematic_groups.join(focal_point, private_group)
    thread = make_comment(private_group, focal_point, MARKER)

    member = sign_in(client, focal_point).get(thread_url(private_group, thread))
    client.logout()
    outsider = sign_in(client, other_focal_point).get(thread_url(private_group, thread))
    client.logout()
    dmr = sign_in(client, dmr_user).get(thread_url(private_group, thread))

    assert MARKER in body_of(member)
    assert outsider.status_code == 403
    assert MARKER not in body_of(outsider)
    assert MARKER in body_of(dmr)


def test_a_thread_of_another_page_is_not_found_as_one_that_never_was(
    client, working_methods, group, focal_point
):
    elsewhere = make_comment(group, focal_point, MARKER)
    sign_in(client, focal_point)

    other_page = client.get(thread_url(working_methods, elsewhere))
    never = client.get(url_of(working_methods, f"comments/{elsewhere.pk + 1000}/"))

    assert other_page.status_code == never.status_code == 404
    assert MARKER not in body_of(other_page)


def test_a_hidden_reply_is_read_in_the_thread_by_the_dmr_only(
    client, working_methods, focal_point, other_focal_point, dmr_user
):
    thread = make_comment(working_methods, focal_point, "The question")
    reply = make_comment(working_methods, other_focal_point, MARKER, parent=thread)
    posting.hide_comment(reply, by=dmr_user, reason="Personal data")

    member = sign_in(client, focal_point).get(thread_url(working_methods, thread))
    client.logout()
    dmr = sign_in(client, dmr_user).get(thread_url(working_methods, thread))

    assert MARKER not in body_of(member)
    assert "This comment was hidden by the DMR Secretariat." in body_of(member)
    assert MARKER in body_of(dmr)
    assert "Personal data" in body_of(dmr)


def test_a_replys_own_address_leads_to_its_place_in_its_thread(
    client, working_methods, focal_point
):
    (thread,) = populate(working_methods, threads=1, replies=REPLIES_PER_PAGE + 10)
    first_reply = thread.replies.order_by("created_at").first()
    latest_reply = thread.replies.order_by("created_at").last()
    sign_in(client, focal_point)

    to_first = client.get(thread_url(working_methods, first_reply))
    to_latest = client.get(thread_url(working_methods, latest_reply))

    assert to_first["Location"] == thread_url(working_methods, thread, f"#{first_reply.anchor}")
    assert to_latest["Location"] == url_of(working_methods, f"#{latest_reply.anchor}")
