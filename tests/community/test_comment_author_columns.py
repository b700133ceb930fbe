"""A listing reads its comments' authors as columns of the comments' own rows (issue 17: a
page of 80 comments made three more objects for each): the author's words are the same as
those `author_label` writes from the author, their profile and their state."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from network_pages import roles
from network_pages.community.comments.listing import (
    author_label,
    comment_listing,
    with_author_columns,
)
from network_pages.community.factories import make_comment
from network_pages.community.models import MemberComment
from network_pages.factories import make_member
from network_pages.models import MemberProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def comments_by_every_kind_of_author(working_methods) -> list[MemberComment]:
    """A Focal Point of a state, the DMR's secretariat, a member without a state, one
    without a name, one without a profile, and a former member."""
    authors = [
        make_member("fp_label", state="FR", first_name="Anne", last_name="Martin"),
        make_member(
            "dmr_label",
            groups=(roles.DMR_SECRETARIAT,),
            state=None,
            function=MemberProfile.Function.SECRETARIAT,
        ),
        make_member(
            "guest_label", groups=(roles.GUESTS,), state=None, function=MemberProfile.Function.GUEST
        ),
        make_member("nameless", state="DE"),
        get_user_model().objects.create_user("no_profile", first_name="Paul"),
    ]
    get_user_model().objects.filter(username="nameless").update(first_name="", last_name="")
    comments = [make_comment(working_methods, author, f"By {author}") for author in authors]
    former = make_comment(working_methods, authors[0], "By a former member")
    MemberComment.objects.filter(pk=former.pk).update(author=None)
    return [*comments, former]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_author_read_as_columns_has_the_words_of_the_author_read_as_objects(
    comments_by_every_kind_of_author, language
):
    ids = [comment.pk for comment in comments_by_every_kind_of_author]
    with translation.override(language):
        as_objects = {
            comment.pk: author_label(comment)
            for comment in MemberComment.objects.filter(pk__in=ids).for_listing()
        }
        as_columns = {
            comment.pk: author_label(comment)
            for comment in with_author_columns(MemberComment.objects.filter(pk__in=ids))
        }

    assert as_columns == as_objects
    assert len(set(as_objects.values())) == len(ids)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_pages_listing_writes_each_author_as_author_label_does(
    comments_by_every_kind_of_author, working_methods, focal_point, language
):
    """The page's rows (`_page_rows`), each author's label written once per listing
    (`AuthorLabels`), twice the same author included."""
    make_comment(working_methods, get_user_model().objects.get(username="fp_label"), "Again")
    focal_point.is_verified = lambda: True
    with translation.override(language):
        expected = {
            comment.pk: author_label(comment)
            for comment in MemberComment.objects.filter(page=working_methods).for_listing()
        }
        threads = comment_listing(working_methods, focal_point).threads

    assert {thread.pk: thread.author for thread in threads} == expected
