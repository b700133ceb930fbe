"""Comment forms sent malformed: unknown, repeated or missing fields, garbage hidden keys,
absurd comment numbers in the address. Never a server error; never a half-made comment,
and the extra fields never choose the author or the page."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from network_pages.community.models import MemberComment
from network_pages.community.models.member_comment import MAX_LENGTH

from .isolation import fresh_example
from .markup import injected_markup, parse, shows_as_text
from .strategies import field_text, garbage_value
from .wire import body_of, get_with_query, post_form

pytestmark = pytest.mark.django_db

FIELD_NAMES = (
    "body",
    "submission_key",
    "author",
    "author_id",
    "page",
    "page_id",
    "parent",
    "pk",
    "hidden_at",
    "csrfmiddlewaretoken",
)
malformed_fields = st.dictionaries(
    keys=st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12)),
    values=st.one_of(garbage_value, field_text(MAX_LENGTH)),
    max_size=6,
)
ROUTES = ("comments/", "comments/{others}/reply/", "comments/{own}/edit/")


def comment_rows() -> list[tuple]:
    return list(
        MemberComment.objects.order_by("pk").values_list(
            "pk", "page_id", "parent_id", "author_id", "body", "edited_at", "hidden_at"
        )
    )


@given(fields=malformed_fields, route=st.sampled_from(ROUTES))
def test_malformed_comment_form_is_refused_or_posted_whole_never_an_error(
    member_client, working_methods, focal_point, own_comment, others_comment, fields, route
):
    url = working_methods.url + route.format(own=own_comment.pk, others=others_comment.pk)
    with fresh_example():
        before = comment_rows()

        response = post_form(member_client, url, fields)

        assert response.status_code in (302, 400)
        if response.status_code == 400:
            assert comment_rows() == before
            body = body_of(response)
            assert 'class="errorlist' in body  # the refusal says why, even for a hidden field
            assert injected_markup(parse(body)) == []
        new = MemberComment.objects.exclude(pk__in=[row[0] for row in before])
        assert new.count() <= 1
        for comment in new:
            assert (comment.author_id, comment.page_id) == (focal_point.pk, working_methods.pk)
            assert comment.hidden_at is None


@given(
    number=st.integers(min_value=0, max_value=10**30),
    action=st.sampled_from(["reply", "edit", "delete", "hide", "restore"]),
    method=st.sampled_from(["get", "post"]),
)
def test_any_comment_number_in_an_address_is_answered_without_a_server_error(
    member_client, working_methods, number, action, method
):
    with fresh_example():
        before = comment_rows()
        url = f"{working_methods.url}comments/{number}/{action}/"

        response = getattr(member_client, method)(url, {"body": "A reply", "reason": "x"})

        assert response.status_code in (200, 302, 400, 403, 404, 405)
        if number not in {row[0] for row in before}:
            assert response.status_code == 404
            assert comment_rows() == before


@given(number=garbage_value)
def test_any_page_of_comments_asked_for_is_answered_without_a_server_error(
    member_client, working_methods, own_comment, number
):
    with fresh_example():
        response = get_with_query(member_client, working_methods.url, {"comments-page": number})

        page = parse(body_of(response))
        assert response.status_code == 200
        assert shows_as_text(page, own_comment.body)
        assert injected_markup(page) == []
