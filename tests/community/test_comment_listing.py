"""Issue 17, 5: a page shows its newest 20 threads, each with its latest 3 replies, and costs
the same queries and about the same bytes whatever the number of comments."""

import itertools
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network_pages import access
from network_pages.community.comments.listing import (
    PAGE_PARAMETER,
    REPLIES_SHOWN,
    THREADS_PER_PAGE,
    comment_listing,
)
from network_pages.community.factories import make_comment
from network_pages.community.models import MemberComment
from network_pages.community.notifications import follow
from network_pages.factories import make_member
from tests.conftest import sign_in

from .conftest import count_queries, url_of

pytestmark = pytest.mark.django_db

# Measured: 25 queries for the working methods page with its comments, for a Focal Point,
# whatever the number of comments. The comments' share is 5: is the page in the network
# area, one page of threads (with authors, profiles and states, and both counts), their
# latest replies (with their threads' counts), and the reader's follow. The rest is the session,
# the OTP device, routing, the access rule (and Wagtail's own check), the page and the
# language switcher.
BUDGET = 25 + 3


def make_authors() -> list:
    """20 Focal Points of various states."""
    return [
        make_member(f"author{number}", state=code)
        for number, code in zip(range(20), itertools.cycle(["FR", "DE", "IT", "PL"]), strict=False)
    ]


def populate(page, threads: int, replies: int = 0, authors=None) -> list[MemberComment]:
    """`threads` top-level comments by 20 authors, one a minute (the oldest first,
    "Comment 0"), each with `replies` replies ("Reply n.m"). The threads."""
    authors = authors or make_authors()
    start = timezone.now() - timedelta(days=30)
    tops = MemberComment.objects.bulk_create(
        MemberComment(
            page=page,
            author=authors[n % 20],
            body=f"Comment {n}",
            created_at=start + timedelta(minutes=n),
        )
        for n in range(threads)
    )
    MemberComment.objects.bulk_create(
        MemberComment(
            page=page,
            author=authors[m % 20],
            body=f"Reply {n}.{m}",
            parent=top,
            created_at=top.created_at + timedelta(seconds=m + 1),
        )
        for n, top in enumerate(tops)
        for m in range(replies)
    )
    return tops


def articles(html: str) -> int:
    return len(re.findall(r'<article class="comment', html))


def test_a_page_costs_the_same_queries_with_5_threads_as_with_60_threads_of_10_replies(
    client, working_methods, focal_point, django_assert_max_num_queries
):
    authors = make_authors()
    populate(working_methods, threads=5, replies=1, authors=authors)
    sign_in(client, focal_point).get(url_of(working_methods))
    with_five = count_queries(client, url_of(working_methods))

    MemberComment.objects.all().delete()
    populate(working_methods, threads=60, replies=10, authors=authors)

    assert count_queries(client, url_of(working_methods)) == with_five
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url_of(working_methods))
    listing = listing_shown(response, working_methods)
    assert len(listing.threads) == THREADS_PER_PAGE
    assert all(len(thread.replies) == REPLIES_SHOWN for thread in listing.threads)
    assert listing.total == 60 * 11


def test_a_page_weighs_the_same_with_60_threads_as_with_120(client, working_methods, focal_point):
    """The page's HTML is bounded: only 20 threads and 3 replies each are ever in it."""
    sign_in(client, focal_point)
    authors = make_authors()
    populate(working_methods, threads=60, replies=10, authors=authors)
    with_60 = client.get(url_of(working_methods)).content.decode()

    MemberComment.objects.all().delete()
    populate(working_methods, threads=120, replies=10, authors=authors)
    with_120 = client.get(url_of(working_methods)).content.decode()

    assert articles(with_60) == articles(with_120) == THREADS_PER_PAGE * (1 + REPLIES_SHOWN)
    # What differs: the comments' ids and the counts in the heading and the links.
    assert abs(len(with_120) - len(with_60)) < 500


def test_the_page_shows_the_newest_threads_in_the_order_they_were_posted(
    client, working_methods, focal_point
):
    populate(working_methods, threads=50)

    response = sign_in(client, focal_point).get(url_of(working_methods))
    listing = listing_shown(response, working_methods)

    bodies = [thread.comment.body for thread in listing.threads]
    assert bodies == [f"Comment {n}" for n in range(30, 50)]


def test_older_threads_are_a_link_away_and_the_link_says_how_many_remain(
    client, working_methods, focal_point
):
    populate(working_methods, threads=50)
    sign_in(client, focal_point)

    first = client.get(url_of(working_methods)).content.decode()
    second = client.get(url_of(working_methods, "?comments-page=2")).content.decode()
    last = client.get(url_of(working_methods, "?comments-page=3"))

    assert '<a href="?comments-page=2#comments">Show older comments (30 more threads)</a>' in first
    assert "Show newer comments" not in first
    assert '<a href="?comments-page=3#comments">Show older comments (10 more threads)</a>' in second
    assert '<a href="?comments-page=1#comments">Show newer comments</a>' in second
    assert "Comment 10<" in second and "Comment 29<" in second and "Comment 30<" not in second
    bodies = [thread.comment.body for thread in listing_shown(last, working_methods).threads]
    assert bodies == [f"Comment {n}" for n in range(10)]
    assert "Show older comments" not in last.content.decode()


def test_a_thread_shows_its_latest_replies_and_counts_them_all(
    client, working_methods, focal_point
):
    long_thread, short_thread = populate(working_methods, threads=2, replies=3)
    for n in range(7):
        make_comment(working_methods, focal_point, f"Later reply {n}", parent=long_thread)

    response = sign_in(client, focal_point).get(url_of(working_methods))

    threads = {thread.pk: thread for thread in listing_shown(response, working_methods).threads}
    assert [reply.comment.body for reply in threads[long_thread.pk].replies] == [
        "Later reply 4",
        "Later reply 5",
        "Later reply 6",
    ]
    assert threads[long_thread.pk].reply_count == 10
    assert threads[short_thread.pk].reply_count == 3
    html = response.content.decode()
    thread_url = url_of(working_methods, f"comments/{long_thread.pk}/")
    assert f'<a href="{thread_url}">Show all 10 replies' in html
    assert url_of(working_methods, f"comments/{short_thread.pk}/") + '"' not in html


def test_a_new_comment_is_on_the_first_page_of_the_listing(client, working_methods, focal_point):
    populate(working_methods, threads=50)

    response = sign_in(client, focal_point).post(
        url_of(working_methods, "comments/"), {"body": "The newest"}
    )

    comment = MemberComment.objects.get(body="The newest")
    assert response["Location"] == url_of(working_methods, f"#comment-{comment.pk}")
    assert "The newest" in client.get(response["Location"]).content.decode()


def test_an_older_thread_is_linked_to_on_its_page_of_the_listing(
    client, working_methods, focal_point
):
    oldest = populate(working_methods, threads=50)[0]

    url = working_methods.specific.comments_url(None, oldest)

    assert url.endswith(f"?comments-page=3#comment-{oldest.pk}")


def test_the_older_comments_link_counts_in_french_too(client, working_methods, focal_point):
    populate(working_methods, threads=THREADS_PER_PAGE + 1)

    response = sign_in(client, focal_point).get(url_of(working_methods, language="fr"))

    assert "Afficher les commentaires plus anciens (encore 1 fil de discussion)" in (
        response.content.decode()
    )


def test_a_page_renders_the_same_templates_whatever_its_number_of_comments(
    client, working_methods, focal_point
):
    authors = make_authors()
    populate(working_methods, threads=5, replies=1, authors=authors)
    sign_in(client, focal_point)
    with_five = [template.name for template in client.get(url_of(working_methods)).templates]

    populate(working_methods, threads=60, replies=10, authors=authors)
    with_sixty = [template.name for template in client.get(url_of(working_methods)).templates]

    assert with_sixty == with_five
    # The comment block and its rows are written in Python (comments/block.py, markup.py).
    assert not [name for name in with_sixty if name.startswith("community/comments/")]


def listing_shown(response, page):
    """The listing the page's comment block was written from: asked again as the block asked
    it, for the response's request (its reader, its page number), the comments unchanged."""
    assert response.status_code == 200
    request = response.wsgi_request
    return comment_listing(page, request.user, request.GET.get(PAGE_PARAMETER))


def _threads_shown(client, page, query: str) -> tuple[int, list[str], int]:
    listing = listing_shown(client.get(url_of(page, query)), page)
    bodies = [thread.comment.body for thread in listing.threads]
    return listing.pagination.number, bodies, listing.total


def test_a_page_of_threads_comes_with_its_replies_and_counts_in_one_query(
    working_methods, focal_point
):
    populate(working_methods, threads=50, replies=2)
    focal_point.is_verified = lambda: True  # as the OTP middleware leaves request.user
    access.group_names_of(focal_point)  # the reader's groups, read once per request
    comment_listing(working_methods, focal_point)  # the locales, read once per process

    for number in (None, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            listing = comment_listing(working_methods, focal_point, number)

        assert len(queries) == 1
        assert listing.total == 150
        assert listing.pagination.paginator.count == 50


def test_a_page_number_past_the_last_shows_the_last_page(client, working_methods, focal_point):
    populate(working_methods, threads=50)
    sign_in(client, focal_point)

    number, bodies, total = _threads_shown(client, working_methods, "?comments-page=9")

    assert number == 3
    assert bodies == [f"Comment {n}" for n in range(10)]
    assert total == 50


def test_a_page_number_that_is_no_number_shows_the_first_page_and_zero_the_last(
    client, working_methods, focal_point
):
    populate(working_methods, threads=50)
    sign_in(client, focal_point)

    assert _threads_shown(client, working_methods, "?comments-page=x")[0] == 1
    assert _threads_shown(client, working_methods, "?comments-page=0")[0] == 3


def test_a_page_without_comments_shows_an_empty_first_page(client, working_methods, focal_point):
    sign_in(client, focal_point)

    assert _threads_shown(client, working_methods, "") == (1, [], 0)
    assert _threads_shown(client, working_methods, "?comments-page=4") == (1, [], 0)


def test_whether_the_reader_follows_the_page_comes_with_its_threads(
    client, working_methods, focal_point, other_focal_point
):
    """The follow button's state is read in the threads' query (`CommentFacts`): the block
    asks no query of its own for it, and tells a follower from a reader who is not one."""
    populate(working_methods, threads=3)
    follow(focal_point, working_methods)
    for reader in (focal_point, other_focal_point):
        reader.is_verified = lambda: True
        access.group_names_of(reader)
        with CaptureQueriesContext(connection) as queries:
            listing = comment_listing(working_methods, reader)

        assert len(queries) == 1
        assert listing.facts.following is (reader == focal_point)

    page = sign_in(client, focal_point).get(url_of(working_methods)).content.decode()
    assert "Stop following" in page
    assert (
        "Stop following"
        not in sign_in(Client(), other_focal_point).get(url_of(working_methods)).content.decode()
    )


def test_a_page_without_comments_still_says_whether_its_reader_follows_it(
    client, working_methods, focal_point
):
    follow(focal_point, working_methods)

    page = sign_in(client, focal_point).get(url_of(working_methods)).content.decode()

    assert "No comments yet." in page
    assert "Stop following" in page
