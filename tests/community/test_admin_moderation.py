"""4.9: the DMR moderates members' comments in the admin too; what members typed is shown
there as text, never as markup."""

import pytest
from django.urls import NoReverseMatch, reverse

from network_pages.community.factories import make_comment
from network_pages.community.models import MemberComment
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

XSS = '<script>alert("admin")</script>'


def test_dmr_lists_comments_with_their_text_escaped(client, working_methods, focal_point, dmr_user):
    make_comment(working_methods, focal_point, XSS)

    response = sign_in(client, dmr_user).get(reverse("member_comments:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert XSS not in html
    assert "&lt;script&gt;alert(&quot;admin&quot;)&lt;/script&gt;" in html


def test_dmr_hides_a_comment_in_the_admin_with_a_reason(
    client, working_methods, focal_point, dmr_user
):
    comment = make_comment(working_methods, focal_point, XSS)
    sign_in(client, dmr_user)

    form = client.get(reverse("member_comments:edit", args=[comment.pk]))
    response = client.post(
        reverse("member_comments:edit", args=[comment.pk]),
        {"hidden": "on", "hidden_reason": "Not for this page"},
    )

    comment.refresh_from_db()
    assert XSS not in form.content.decode()
    assert response.status_code == 302
    assert (comment.is_hidden, comment.hidden_by, comment.hidden_reason, comment.body) == (
        True,
        dmr_user,
        "Not for this page",
        XSS,
    )


def test_hiding_in_the_admin_needs_a_reason(client, working_methods, focal_point, dmr_user):
    comment = make_comment(working_methods, focal_point, "Text")

    response = sign_in(client, dmr_user).post(
        reverse("member_comments:edit", args=[comment.pk]), {"hidden": "on", "hidden_reason": ""}
    )

    assert response.status_code == 200
    assert "hidden_reason" in response.context["form"].errors
    assert not MemberComment.objects.get().is_hidden


def test_comments_are_neither_added_nor_deleted_in_the_admin():
    for action, args in (("add", []), ("delete", [1])):
        with pytest.raises(NoReverseMatch):
            reverse(f"member_comments:{action}", args=args)


def test_focal_points_have_no_comment_admin(client, working_methods, focal_point):
    response = sign_in(client, focal_point).get(reverse("member_comments:index"))

    assert response.status_code == 302
