"""Search confidentiality as a property: random responses and comments owned by random states
and people, on pages with different restrictions, searched by random readers.

Every result, and every count, is something the reader may read by the rules of the thing
itself (`access.user_may_view_page` for its page, `information.rules.may_read` for a
response, a comment shown on its page); everything they may read that matches is found.
"""

import pytest
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from network_pages import access, roles
from network_pages.community import thematic_groups
from network_pages.community.comments.audience import may_read_comments
from network_pages.community.factories import make_comment
from network_pages.community.models import MemberComment
from network_pages.factories import make_member
from network_pages.information import rules
from network_pages.information.factories import make_request, make_response
from network_pages.information.models import Response
from network_pages.search import query
from network_pages.search.models import SearchEntry
from tests.fuzz.isolation import fresh_example

pytestmark = pytest.mark.django_db

WORD = "zebrafish"
STATES = ("FR", "DE", "IT", "ES")


@pytest.fixture
def world(library, areas, focal_point, other_focal_point, dmr_user, guest, outsider):
    """The library's pages (a meeting open to a guest, a members-only workspace...), a
    second request, and people of every kind."""
    first = make_request(areas["requests"], title="First request", questions=("How?",))
    second = make_request(areas["requests"], title="Second request", questions=("Why?",))
    italian = make_member("fp_it", groups=(roles.FOCAL_POINTS,), state="IT")
    pages = [
        first,
        second,
        library["item"],
        library["meeting"],
        library["other_meeting"],
        library["group"],
        library["update"],
        library["open_group"],
    ]
    readers = [focal_point, other_focal_point, italian, dmr_user, guest, outsider]
    return {"pages": pages, "requests": [first, second], "readers": readers}


def verified(user):
    user.is_verified = lambda: True
    return user


def search_everything(reader) -> tuple[set[tuple[str, int]], int, dict]:
    request = RequestFactory().get("/en/network/search/")
    request.user = reader
    found, page_number, outcome = set(), 1, None
    while True:
        outcome_page = query.search(request, WORD, {}, page_number, "en")
        outcome = outcome or outcome_page
        found |= {(hit.entry.kind, hit.entry.source_id) for hit in outcome_page.hits}
        if not outcome_page.page.has_next():
            return found, outcome.total, outcome.kind_counts
        page_number += 1


def expected_for(reader, responses: list[Response], comments: list[MemberComment]) -> set:
    if not access.is_verified(reader):
        return set()
    expected = set()
    for response in responses:
        if access.user_may_view_page(reader, response.request) and rules.may_read(reader, response):
            expected.add((SearchEntry.Kind.RESPONSE, response.pk))
    for comment in comments:
        shown = not comment.is_hidden and not comment.is_deleted
        page = comment.page
        if shown and access.user_may_view_page(reader, page) and may_read_comments(reader, page):
            expected.add((SearchEntry.Kind.COMMENT, comment.pk))
    return expected


responses_strategy = st.lists(
    st.tuples(st.integers(0, 1), st.sampled_from(STATES), st.booleans()),
    max_size=6,
    unique_by=lambda drawn: drawn[:2],
)
comments_strategy = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 3), st.sampled_from(["shown", "hidden", "gone"])),
    max_size=6,
)


@settings(
    derandomize=True,
    deadline=None,
    max_examples=25,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    responses=responses_strategy,
    comments=comments_strategy,
    reader_index=st.integers(0, 5),
    joins_private_group=st.booleans(),
)
def test_every_result_is_readable_and_every_readable_match_is_found(
    world,
    django_capture_on_commit_callbacks,
    responses,
    comments,
    reader_index,
    joins_private_group,
):
    with fresh_example():
        reader = world["readers"][reader_index]
        with django_capture_on_commit_callbacks(execute=True):
            if joins_private_group and access.is_member(reader):
                thematic_groups.join(reader, world["pages"][5])
            made_responses = [
                make_response(
                    world["requests"][request_index],
                    state,
                    [f"{WORD} from {state}"],
                    status=Response.Status.SUBMITTED if submitted else Response.Status.DRAFT,
                )
                for request_index, state, submitted in responses
            ]
            made_comments = []
            for page_index, author_index, fate in comments:
                author = world["readers"][author_index]
                comment = make_comment(world["pages"][page_index], author, f"{WORD} said")
                if fate == "hidden":
                    comment.hidden_at = comment.created_at
                    comment.hidden_reason = "Personal data."
                    comment.save()
                elif fate == "gone":
                    comment.deleted_at = comment.created_at
                    comment.save()
                made_comments.append(comment)
        # The reader as a request would carry them: groups read afresh, second factor passed.
        reader = verified(type(reader).objects.get(pk=reader.pk))

        found, total, kind_counts = search_everything(reader)
        expected = expected_for(reader, made_responses, made_comments)

        assert found == expected
        assert total == len(expected)
        assert sum(kind_counts.values()) == total
