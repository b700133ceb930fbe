"""A page's listing of comments is kept whole for the process (comments/markup.py,
`render_listing`; issue 17): its readers mostly share it, and a page of 80 comments then costs
no work per comment. What was kept is byte for byte what would be written anew, and it is
given only to a reader whose listing would be written exactly the same: never another
reader's own links, an edit link past its deadline, a changed comment's old text or the
DMR's form with another reader's token."""

import re
from datetime import timedelta

import pytest
from django.template import Context
from django.test import RequestFactory
from django.utils import timezone, translation

from network_pages.community.comments import block, listing, posting
from network_pages.community.factories import make_comment
from network_pages.community.templatetags.community_tags import comment_block_values
from nfp_site import fragments

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & l\'été'
# The new comment form's key against double submissions: new at every rendering.
SUBMISSION_KEY = re.compile(r'value="[0-9a-f]{8}-[0-9a-f-]{27}"')


def block_for(page, user, *, language: str = "en", csrf: str = "a-csrf-token") -> str:
    request = RequestFactory().get(f"/{language}/network/x/")
    request.user = user
    user.is_verified = lambda: True  # signed in past the one-time password step
    with translation.override(language):
        values = comment_block_values(Context({"request": request, "csrf_token": csrf}), page)
        return SUBMISSION_KEY.sub('value="key"', block.render_block(values))


def written_anew(page, user, **options) -> str:
    fragments.forget_rendered()
    return block_for(page, user, **options)


@pytest.fixture
def commented_page(working_methods, focal_point, other_focal_point):
    top = make_comment(working_methods, other_focal_point, HOSTILE, language="fr")
    for number in range(4):
        make_comment(working_methods, other_focal_point, f"Reply {number}", parent=top)
    make_comment(working_methods, other_focal_point, "Another thread")
    return working_methods


def listings_kept() -> int:
    return len(fragments._listings)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_a_kept_listing_is_what_would_be_written_anew(request, commented_page, reader, language):
    user = request.getfixturevalue(reader)
    anew = written_anew(commented_page, user, language=language)

    kept = block_for(commented_page, user, language=language)

    assert listings_kept() == 1
    assert kept == anew
    assert "&lt;script&gt;" in kept and "<script>" not in kept


def test_members_without_comments_of_their_own_share_one_listing(
    commented_page, focal_point, approver
):
    fragments.forget_rendered()
    first = block_for(commented_page, focal_point)
    second = block_for(commented_page, approver)

    assert listings_kept() == 1
    assert first.split('class="comment-list"')[1] == second.split('class="comment-list"')[1]


def test_a_focal_points_own_links_are_never_given_to_another(
    commented_page, focal_point, other_focal_point
):
    fragments.forget_rendered()
    for_the_other = block_for(commented_page, focal_point)
    for_the_author = block_for(commented_page, other_focal_point)

    assert "/edit/" not in for_the_other and "/delete/" not in for_the_other
    assert "/edit/" in for_the_author and "/delete/" in for_the_author
    assert for_the_author == written_anew(commented_page, other_focal_point)
    assert for_the_other == written_anew(commented_page, focal_point)


def test_the_edit_link_goes_at_its_deadline_though_the_listing_was_kept(
    commented_page, other_focal_point, monkeypatch
):
    fragments.forget_rendered()
    assert "/edit/" in block_for(commented_page, other_focal_point)

    later = timezone.now() + timedelta(minutes=16)
    monkeypatch.setattr(timezone, "now", lambda: later)
    past_the_deadline = block_for(commented_page, other_focal_point)

    assert "/edit/" not in past_the_deadline and "/delete/" in past_the_deadline
    assert past_the_deadline == written_anew(commented_page, other_focal_point)


def test_an_edited_deleted_or_hidden_comment_is_never_shown_as_it_was(
    commented_page, focal_point, other_focal_point, dmr_user
):
    fragments.forget_rendered()
    block_for(commented_page, focal_point)
    edited, gone, hidden = commented_page_comments(commented_page)

    posting.edit_comment(edited, "Edited text")
    posting.delete_comment(gone)
    posting.hide_comment(hidden, by=dmr_user, reason="Off topic")
    now = block_for(commented_page, focal_point)

    assert "Edited text" in now
    assert "Reply 3" not in now and "Reply 2" not in now
    assert now == written_anew(commented_page, focal_point)


def commented_page_comments(page) -> list:
    replies = page_comments(page).exclude(parent=None).order_by("-created_at", "-pk")
    return list(replies[:3])


def page_comments(page):
    from network_pages.community.models import MemberComment

    return MemberComment.objects.filter(page_id=listing.source_id(page))


def test_a_renamed_author_is_shown_by_their_new_name(
    commented_page, focal_point, other_focal_point
):
    fragments.forget_rendered()
    block_for(commented_page, focal_point)
    other_focal_point.first_name = "Renamed"
    other_focal_point.save()

    now = block_for(commented_page, focal_point)

    assert "Renamed" in now
    assert now == written_anew(commented_page, focal_point)


def test_the_dmrs_form_on_a_hidden_comment_carries_each_readers_own_token(commented_page, dmr_user):
    hidden = page_comments(commented_page).filter(parent=None).first()
    posting.hide_comment(hidden, by=dmr_user, reason="Off topic")
    fragments.forget_rendered()

    first = block_for(commented_page, dmr_user, csrf="token-of-the-first")
    second = block_for(commented_page, dmr_user, csrf="token-of-the-second")

    assert "token-of-the-first" in first and "token-of-the-first" not in second
    assert "token-of-the-second" in second
    assert listings_kept() == 0


def test_a_listing_written_in_english_is_never_given_in_french(commented_page, focal_point):
    fragments.forget_rendered()
    english = block_for(commented_page, focal_point, language="en")
    french = block_for(commented_page, focal_point, language="fr")

    assert listings_kept() == 2
    assert "Reply" in english and "Répondre" in french and "Répondre" not in english


def test_a_listing_of_very_long_comments_is_written_every_time_not_kept(
    working_methods, focal_point, other_focal_point, monkeypatch
):
    make_comment(working_methods, other_focal_point, "A long comment. " * 300)
    monkeypatch.setattr(fragments, "MAX_LISTING_CHARACTERS", 4_000)
    fragments.forget_rendered()

    first = block_for(working_methods, focal_point)
    second = block_for(working_methods, focal_point)

    assert listings_kept() == 0
    assert first == second and "A long comment." in first
