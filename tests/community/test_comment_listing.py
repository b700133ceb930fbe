"""Comments are shown 50 threads at a time, and a page with 200 comments costs the same
queries as a page with one."""

import itertools

import pytest
from django.utils import timezone

from network_pages.community.comments.listing import PER_PAGE
from network_pages.community.factories import make_comment
from network_pages.community.models import MemberComment
from network_pages.factories import make_member
from tests.conftest import sign_in

from .conftest import count_queries, url_of

pytestmark = pytest.mark.django_db

THREADS, REPLIES = 120, 80
COMMENTS = THREADS + REPLIES
# Measured: 25 queries for the working methods page with its comments, for a Focal Point,
# whatever the number of comments. The comments' share is 6: is the page in the network
# area, the count of threads, one page of threads (with authors, profiles and states), their
# replies, the total and the reader's follow. The rest is the session, the OTP device,
# routing, the access rule (and Wagtail's own check), the page and the language switcher.
BUDGET = 25 + 3


def populate(page, threads: int = THREADS, replies: int = REPLIES) -> None:
    """Comments by 20 authors of various states: `threads` top-level ones, the first
    `replies` of which have a reply."""
    authors = [
        make_member(f"author{number}", state=code)
        for number, code in zip(range(20), itertools.cycle(["FR", "DE", "IT", "PL"]), strict=False)
    ]
    now = timezone.now()
    tops = MemberComment.objects.bulk_create(
        MemberComment(page=page, author=authors[n % 20], body=f"Comment {n}", created_at=now)
        for n in range(threads)
    )
    MemberComment.objects.bulk_create(
        MemberComment(page=page, author=authors[0], body="Reply", parent=top, created_at=now)
        for top in tops[:replies]
    )


def test_a_page_with_200_comments_stays_within_its_query_budget(
    client, working_methods, focal_point, django_assert_max_num_queries
):
    make_comment(working_methods, focal_point, "The first one")
    sign_in(client, focal_point).get(url_of(working_methods))
    with_one = count_queries(client, url_of(working_methods))

    populate(working_methods)
    assert MemberComment.objects.count() == COMMENTS + 1

    assert count_queries(client, url_of(working_methods)) == with_one, with_one
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url_of(working_methods))
    listing = response.context["comments"]
    assert len(listing.threads) == PER_PAGE
    assert sum(len(thread.replies) for thread in listing.threads) == PER_PAGE - 1  # not the first
    assert listing.total == COMMENTS + 1


def test_comments_are_shown_fifty_threads_a_page_with_their_replies(
    client, working_methods, focal_point
):
    populate(working_methods)
    sign_in(client, focal_point)

    first = client.get(url_of(working_methods))
    last = client.get(url_of(working_methods, "?comments-page=99"))

    html = first.content.decode()
    assert [thread.comment.body for thread in first.context["comments"].threads][:2] == [
        "Comment 0",
        "Comment 1",
    ]
    assert "Page 1 of 3" in html
    assert "Later comments" in html
    assert "Page 3 of 3" in last.content.decode()
    assert len(last.context["comments"].threads) == THREADS - 2 * PER_PAGE


def test_a_new_comment_links_to_the_listing_page_that_shows_it(
    client, working_methods, focal_point
):
    populate(working_methods)

    response = sign_in(client, focal_point).post(
        url_of(working_methods, "comments/"), {"body": "The newest"}
    )

    comment = MemberComment.objects.get(body="The newest")
    assert response["Location"].endswith(f"?comments-page=3#comment-{comment.pk}")
    assert "The newest" in client.get(response["Location"]).content.decode()
