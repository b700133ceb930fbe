"""Each comment's markup is kept for the process (comments/markup.py, issue 17): a listing is
written byte for byte as it was before (tests/community/comment_markup_before.py, main's
markup.py kept verbatim), whether its comments are written anew or taken from what was kept,
in English and French, for a Focal Point and the DMR, with hostile strings; and what was
written for one reader is never given to another who may see less."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone, translation

from network_pages.area_addresses import sub_path_parts
from network_pages.community.comments import listing, markup, posting
from network_pages.community.comments.listing import ShownComment, rows_of
from network_pages.community.factories import make_comment
from network_pages.community.models import MemberComment
from nfp_site import fragments

from . import comment_markup_before as before

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & l\'été "quoted"'
WHEN = datetime(2027, 3, 1, 23, 30, tzinfo=UTC)  # the 2nd in Paris: « 2 mars », then « 1er »
CSRF = "csrf-of-this-reader"


def comment(pk: int, **fields) -> MemberComment:
    values = {"body": f"Comment {pk}", "language": "en", "created_at": WHEN, "page_id": 1}
    return MemberComment(pk=pk, **(values | fields))


def item(found: MemberComment, reader: str, *, own: bool = False, author: str = "Ana"):
    """What `listing.shown` gives each reader: the DMR moderates and reads hidden text; the
    author edits and deletes their own."""
    dmr = reader == "dmr"
    return ShownComment(
        comment=found,
        author=author,
        show_text=not found.is_hidden or dmr,
        may_edit=own and not found.is_deleted,
        may_delete=own and not found.is_deleted and not found.is_hidden,
        may_reply=not found.is_deleted,
        may_moderate=dmr and not found.is_deleted,
    )


def threads_for(reader: str) -> list[ShownComment]:
    """Every branch of an article: a foreign language, an edit, a deletion, a hiding (and its
    reason), a reply list with more replies than shown, hostile names, texts and links."""
    first = item(
        comment(1, body=f"{HOSTILE}\n\nhttps://example.org/a?b=1&c=<2>", language="fr"),
        reader,
        author=HOSTILE,
    )
    first.replies = [
        item(comment(2, body="Reply\nsecond line", edited_at=WHEN + timedelta(minutes=3)), reader),
        item(comment(3, body="", deleted_at=WHEN, language="fr"), reader, own=True),
        item(
            comment(4, body=HOSTILE, hidden_at=WHEN, hidden_reason=HOSTILE, language="fr"),
            reader,
            author="Émile « Zola »",
        ),
    ]
    first.reply_count = 7
    second = item(comment(5, body="Mine, in English."), reader, own=True, author="Bob & Co")
    third = item(comment(6, body="Hidden, no reply.", hidden_at=WHEN, hidden_reason="x"), reader)
    return [first, second, third]


def written(module, threads, *, base: str, csrf: str = CSRF) -> str:
    return module.render_rows(
        rows_of(threads),
        comment_base=base,
        parts=sub_path_parts(),
        show_all_link=True,
        csrf_token=csrf,
    )


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr"])
def test_a_listing_is_written_as_before_anew_and_from_what_was_kept(language, reader):
    base = f'/{language}/network/"page"&<x>/comments/'
    threads = threads_for(reader)
    fragments.forget_rendered()
    with translation.override(language), timezone.override("Europe/Paris"):
        expected = written(before, threads, base=base)
        anew = written(markup, threads, base=base)
        kept = written(markup, threads, base=base)

    assert "&lt;script&gt;" in expected and "<script>" not in expected
    assert anew == expected
    assert kept == expected


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_pages_listing_is_written_as_before_for_a_focal_point_and_the_dmr(
    language, working_methods, focal_point, other_focal_point, dmr_user
):
    mine = make_comment(working_methods, focal_point, HOSTILE, language="fr")
    make_comment(working_methods, other_focal_point, "Reply", parent=mine, language="en")
    hidden = make_comment(working_methods, other_focal_point, "Hidden text")
    posting.hide_comment(hidden, by=dmr_user, reason=HOSTILE)
    gone = make_comment(working_methods, other_focal_point, "Erased text")
    posting.delete_comment(gone)
    fragments.forget_rendered()
    for reader in (focal_point, dmr_user, focal_point):
        reader.is_verified = lambda: True  # signed in past the one-time password step
        with translation.override(language):
            threads = listing.comment_listing(working_methods, reader).threads
            base = f"/{language}/network/working-methods/comments/"
            html = written(markup, threads, base=base)
            assert html == written(before, threads, base=base)
        assert "&lt;script&gt;" in html and "Erased text" not in html
        assert ("Hidden text" in html) == (reader == dmr_user)


def test_what_the_dmr_reads_of_a_hidden_comment_is_never_given_to_a_focal_point():
    hidden = comment(7, body="Only for the DMR", hidden_at=WHEN, hidden_reason="Personal data")
    base = "/en/network/page/comments/"
    fragments.forget_rendered()
    with translation.override("en"):
        for_the_dmr = written(markup, [item(hidden, "dmr")], base=base)
        for_a_focal_point = written(markup, [item(hidden, "focal_point")], base=base)

    assert "Only for the DMR" in for_the_dmr and "Personal data" in for_the_dmr
    assert "Only for the DMR" not in for_a_focal_point
    assert "Personal data" not in for_a_focal_point


def test_a_readers_csrf_token_is_never_kept_for_another():
    hidden = comment(8, body="Hidden", hidden_at=WHEN, hidden_reason="Off topic")
    base = "/en/network/page/comments/"
    fragments.forget_rendered()
    with translation.override("en"):
        first = written(markup, [item(hidden, "dmr")], base=base, csrf="token-of-the-first")
        second = written(markup, [item(hidden, "dmr")], base=base, csrf="token-of-the-second")

    assert "token-of-the-first" in first
    assert "token-of-the-first" not in second and "token-of-the-second" in second


def test_an_edited_comment_is_written_with_its_new_text():
    base = "/en/network/page/comments/"
    original = item(comment(9, body="First words"), "focal_point")
    edited = replace(
        original, comment=comment(9, body="Second words", edited_at=WHEN + timedelta(minutes=5))
    )
    fragments.forget_rendered()
    with translation.override("en"):
        written(markup, [original], base=base)
        again = written(markup, [edited], base=base)

    assert "Second words" in again and "First words" not in again
    assert again == written(before, [edited], base=base)


def test_the_same_comment_is_written_in_each_language_and_time_zone():
    base = "/en/network/page/comments/"
    threads = [item(comment(10, language="fr"), "focal_point")]
    fragments.forget_rendered()
    for language in ("en", "fr", "en"):
        for zone in ("Europe/Paris", "UTC"):
            with translation.override(language), timezone.override(zone):
                assert written(markup, threads, base=base) == written(before, threads, base=base)


def test_a_members_name_changed_is_written_anew():
    base = "/en/network/page/comments/"
    fragments.forget_rendered()
    with translation.override("en"):
        first = written(markup, [item(comment(11), "dmr", author="Old Name")], base=base)
        second = written(markup, [item(comment(11), "dmr", author="New Name")], base=base)

    assert "Old Name" in first and "New Name" in second and "Old Name" not in second
