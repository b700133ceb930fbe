"""Comments, replies and edits fed hostile text: never a server error; an accepted text is
shown only as text; a refused one saves nothing and comes back in the form with a message."""

import pytest
from django.http import HttpResponse
from django.test import Client
from hypothesis import given

from network_pages.community.models import MemberComment
from network_pages.community.models.member_comment import MAX_LENGTH

from .isolation import fresh_example
from .markup import field_value, injected_markup, parse, shows_as_text, squeezed
from .strategies import field_text
from .wire import as_received, body_of, post_form

pytestmark = pytest.mark.django_db

comment_text = field_text(MAX_LENGTH)


def acceptable(received: str) -> bool:
    """Plain text, not blank, at most 5,000 characters; NUL is never stored."""
    text = received.strip()
    return bool(text) and len(text) <= MAX_LENGTH and "\x00" not in text


def assert_shown_only_as_text(client: Client, response: HttpResponse, text: str) -> None:
    page = parse(body_of(client.get(response["Location"])))
    assert shows_as_text(page, text)
    assert injected_markup(page) == []


def assert_refused_with_the_draft_kept(response: HttpResponse, received: str) -> None:
    page = parse(body_of(response))
    assert page.alerts, "a refused comment says why"
    assert squeezed(field_value(page, "body") or "") == squeezed(received)
    assert injected_markup(page) == []


@given(body=comment_text)
def test_hostile_comment_is_never_a_server_error_and_is_only_ever_shown_as_text(
    member_client, working_methods, body
):
    with fresh_example():
        before = MemberComment.objects.count()
        received = as_received(body)

        response = post_form(member_client, f"{working_methods.url}comments/", {"body": body})

        assert response.status_code == (302 if acceptable(received) else 400)
        if response.status_code == 302:
            comment = MemberComment.objects.latest("pk")
            assert MemberComment.objects.count() == before + 1
            assert comment.body == received.strip()
            assert_shown_only_as_text(member_client, response, comment.body)
        else:
            assert MemberComment.objects.count() == before
            assert_refused_with_the_draft_kept(response, received)


@given(body=comment_text)
def test_hostile_reply_is_never_a_server_error_and_is_only_ever_shown_as_text(
    member_client, working_methods, others_comment, body
):
    with fresh_example():
        before = MemberComment.objects.count()
        received = as_received(body)
        url = f"{working_methods.url}comments/{others_comment.pk}/reply/"

        response = post_form(member_client, url, {"body": body})

        assert response.status_code == (302 if acceptable(received) else 400)
        if response.status_code == 302:
            reply = MemberComment.objects.latest("pk")
            assert MemberComment.objects.count() == before + 1
            assert (reply.parent_id, reply.body) == (others_comment.pk, received.strip())
            assert_shown_only_as_text(member_client, response, reply.body)
        else:
            assert MemberComment.objects.count() == before
            assert_refused_with_the_draft_kept(response, received)


@given(body=comment_text)
def test_hostile_edit_is_never_a_server_error_and_a_refused_one_changes_nothing(
    member_client, working_methods, own_comment, body
):
    with fresh_example():
        received = as_received(body)
        url = f"{working_methods.url}comments/{own_comment.pk}/edit/"

        response = post_form(member_client, url, {"body": body})

        edited = MemberComment.objects.get(pk=own_comment.pk)
        assert response.status_code == (302 if acceptable(received) else 400)
        if response.status_code == 302:
            assert edited.body == received.strip()
            assert_shown_only_as_text(member_client, response, edited.body)
        else:
            assert (edited.body, edited.edited_at) == (own_comment.body, None)
            assert_refused_with_the_draft_kept(response, received)
