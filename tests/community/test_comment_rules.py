"""Members post plain-text comments and one level of replies; authors edit for 15 minutes
and delete their own; the DMR hides with a reason (4.9). Limits answer with clear messages."""

import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from network_pages.community.comments import rate_limit
from network_pages.community.factories import make_comment
from network_pages.community.models import Follow, MemberComment
from tests.conftest import sign_in

from .conftest import open_to_guests, url_of

pytestmark = pytest.mark.django_db


def post(client, page, body, route="comments/", **extra):
    return client.post(url_of(page, route), {"body": body, **extra})


def test_member_posts_a_comment_and_follows_the_page(client, working_methods, focal_point):
    response = post(sign_in(client, focal_point), working_methods, "Clause 4.6 needs a deadline.")

    comment = MemberComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/network/working-methods/#comment-{comment.pk}"
    assert (comment.page_id, comment.author, comment.body) == (
        working_methods.pk,
        focal_point,
        "Clause 4.6 needs a deadline.",
    )
    assert Follow.objects.filter(user=focal_point, page=working_methods, active=True).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Clause 4.6 needs a deadline." in page
    assert "Your comment has been posted." in page


def test_comment_posted_on_the_french_alias_belongs_to_the_source_page(
    client, working_methods, focal_point
):
    post(sign_in(client, focal_point), working_methods, "Posted from French.", language="fr")

    assert MemberComment.objects.get().page_id == working_methods.pk
    assert "Posted from French." in client.get(url_of(working_methods)).content.decode()


def test_reply_to_a_reply_stays_one_level_deep(
    client, working_methods, focal_point, other_focal_point
):
    top = make_comment(working_methods, other_focal_point, "Top")
    reply = make_comment(working_methods, other_focal_point, "Reply", parent=top)

    response = post(
        sign_in(client, focal_point), working_methods, "Answer", route=f"comments/{reply.pk}/reply/"
    )

    assert response.status_code == 302
    assert MemberComment.objects.get(body="Answer").parent == top


def test_guest_reads_no_comments_on_a_page_opened_to_them_and_cannot_post(
    client, working_methods, focal_point, guest
):
    """Issue 13, 5: comments are the members' (README, "Comment audiences")."""
    guest.groups.add(open_to_guests(working_methods))
    make_comment(working_methods, focal_point, "Meant for the members")
    sign_in(client, guest)

    page = client.get(url_of(working_methods)).content.decode()
    refused = post(client, working_methods, "Guest speaking")

    assert "Meant for the members" not in page
    assert "Comments on this page are for the members of the network only." in page
    assert 'id="comment-form"' not in page
    assert refused.status_code == 403
    assert not MemberComment.objects.filter(body="Guest speaking").exists()


def test_author_edits_within_15_minutes_and_the_comment_shows_as_edited(
    client, working_methods, focal_point
):
    comment = make_comment(working_methods, focal_point, "Frist draft")

    response = post(
        sign_in(client, focal_point), working_methods, "First draft", f"comments/{comment.pk}/edit/"
    )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert (comment.body, comment.edited_at is not None) == ("First draft", True)
    assert "edited" in client.get(url_of(working_methods)).content.decode()


def test_author_cannot_edit_after_15_minutes(client, working_methods, focal_point):
    comment = make_comment(
        working_methods,
        focal_point,
        "As posted",
        created_at=timezone.now() - timedelta(minutes=15, seconds=1),
    )

    response = post(
        sign_in(client, focal_point), working_methods, "Changed", f"comments/{comment.pk}/edit/"
    )

    comment.refresh_from_db()
    assert comment.body == "As posted"
    assert "within 15 minutes" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_members_cannot_edit_or_delete_someone_elses_comment(
    client, working_methods, focal_point, other_focal_point, action
):
    comment = make_comment(working_methods, other_focal_point, "Mine")

    response = post(
        sign_in(client, focal_point),
        working_methods,
        "Hijacked",
        f"comments/{comment.pk}/{action}/",
    )

    comment.refresh_from_db()
    assert response.status_code == 403
    assert (comment.body, comment.deleted_at) == ("Mine", None)


def test_author_deletes_their_comment_its_text_goes_and_its_replies_stay(
    client, working_methods, focal_point, other_focal_point
):
    comment = make_comment(working_methods, focal_point, "MARKER-deleted-text")
    make_comment(working_methods, other_focal_point, "A reply that stays", parent=comment)

    response = sign_in(client, focal_point).post(
        url_of(working_methods, f"comments/{comment.pk}/delete/")
    )

    comment.refresh_from_db()
    page = client.get(url_of(working_methods)).content.decode()
    assert response.status_code == 302
    assert (comment.body, comment.is_deleted) == ("", True)
    assert "MARKER-deleted-text" not in page
    assert "Comment deleted by its author." in page
    assert "A reply that stays" in page


def test_dmr_hides_a_comment_with_a_reason_shown_to_the_dmr_only(
    client, working_methods, focal_point, dmr_user
):
    comment = make_comment(working_methods, focal_point, "MARKER-hidden-text")

    response = sign_in(client, dmr_user).post(
        url_of(working_methods, f"comments/{comment.pk}/hide/"), {"reason": "Personal data"}
    )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert (comment.hidden_by, comment.hidden_reason) == (dmr_user, "Personal data")
    dmr_view = client.get(url_of(working_methods)).content.decode()
    assert "MARKER-hidden-text" in dmr_view
    assert "Personal data" in dmr_view
    member_view = sign_in(Client(), focal_point).get(url_of(working_methods)).content.decode()
    assert "MARKER-hidden-text" not in member_view
    assert "Personal data" not in member_view
    assert "This comment was hidden by the DMR Secretariat." in member_view


def test_hiding_needs_a_reason(client, working_methods, focal_point, dmr_user):
    comment = make_comment(working_methods, focal_point, "Text")

    response = sign_in(client, dmr_user).post(
        url_of(working_methods, f"comments/{comment.pk}/hide/"), {"reason": "  "}
    )

    comment.refresh_from_db()
    assert response.status_code == 400
    assert "Give the reason for hiding this comment." in response.content.decode()
    assert not comment.is_hidden


def test_only_the_dmr_moderates(client, working_methods, focal_point, approver):
    comment = make_comment(working_methods, approver, "Text")
    sign_in(client, focal_point)

    hide = client.post(url_of(working_methods, f"comments/{comment.pk}/hide/"), {"reason": "x"})
    restore = client.post(url_of(working_methods, f"comments/{comment.pk}/restore/"))

    comment.refresh_from_db()
    assert (hide.status_code, restore.status_code) == (403, 403)
    assert not comment.is_hidden


def test_dmr_shows_a_hidden_comment_again(client, working_methods, focal_point, dmr_user):
    comment = make_comment(
        working_methods,
        focal_point,
        "Back again",
        hidden_at=timezone.now(),
        hidden_by=dmr_user,
        hidden_reason="By mistake",
    )

    sign_in(client, dmr_user).post(url_of(working_methods, f"comments/{comment.pk}/restore/"))

    comment.refresh_from_db()
    assert (comment.is_hidden, comment.hidden_reason) == (False, "")


def test_author_cannot_delete_a_hidden_comment_kept_for_the_record(
    client, working_methods, focal_point, dmr_user
):
    comment = make_comment(
        working_methods,
        focal_point,
        "On the record",
        hidden_at=timezone.now(),
        hidden_by=dmr_user,
        hidden_reason="Off topic",
    )

    sign_in(client, focal_point).post(url_of(working_methods, f"comments/{comment.pk}/delete/"))

    comment.refresh_from_db()
    assert (comment.body, comment.is_deleted) == ("On the record", False)


def test_comment_longer_than_5000_characters_is_refused_and_the_draft_kept(
    client, working_methods, focal_point
):
    draft = "x" * 5001

    response = post(sign_in(client, focal_point), working_methods, draft)

    html = response.content.decode()
    assert response.status_code == 400
    assert "A comment has at most 5000 characters (this one has 5001)." in html
    assert draft in html
    assert not MemberComment.objects.exists()


def test_empty_comment_is_refused_with_a_message(client, working_methods, focal_point):
    response = post(sign_in(client, focal_point), working_methods, "   ")

    assert response.status_code == 400
    assert "Write something before posting." in response.content.decode()


def test_eleventh_comment_in_ten_minutes_is_refused_and_the_draft_kept(
    client, working_methods, focal_point
):
    sign_in(client, focal_point)
    for number in range(rate_limit.COMMENTS_PER_WINDOW):
        assert post(client, working_methods, f"Comment {number}").status_code == 302

    response = post(client, working_methods, "One too many")

    assert response.status_code == 429
    assert "You have posted 10 comments in the last 10 minutes." in response.content.decode()
    assert "One too many" in response.content.decode()
    assert MemberComment.objects.count() == rate_limit.COMMENTS_PER_WINDOW


def test_the_same_form_sent_twice_posts_one_comment(client, working_methods, focal_point):
    key = str(uuid.uuid4())
    sign_in(client, focal_point)

    first = post(client, working_methods, "Once", submission_key=key)
    second = post(client, working_methods, "Once", submission_key=key)

    assert MemberComment.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_posting_without_the_csrf_token_is_refused(working_methods, focal_point):
    client = sign_in(Client(enforce_csrf_checks=True), focal_point)

    response = post(client, working_methods, "Forged")

    assert response.status_code == 403
    assert not MemberComment.objects.exists()


def test_a_comment_of_another_page_cannot_be_reached_through_this_page(
    client, working_methods, group, focal_point
):
    elsewhere = make_comment(group, focal_point, "Elsewhere")

    response = post(
        sign_in(client, focal_point), working_methods, "x", f"comments/{elsewhere.pk}/edit/"
    )

    assert response.status_code == 404


def test_markup_in_a_comment_is_shown_as_text_on_the_page(client, working_methods, focal_point):
    post(sign_in(client, focal_point), working_methods, '<script>alert("xss")</script>')

    html = client.get(url_of(working_methods)).content.decode()

    assert '<script>alert("xss")</script>' not in html
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html
