"""A listing's comments are written in Python (comments/markup.py): whatever a member typed
(their name, a comment, the DMR's reason for hiding one) reaches the page as text."""

from datetime import UTC, datetime

from django.utils import dateformat, formats, translation

from network_pages.community.comments.listing import ShownComment, rows_of
from network_pages.community.comments.markup import render_rows
from network_pages.community.models import MemberComment
from network_pages.date_text import datetime_formatter, formatter_for
from nfp_site.dates import date as site_date_filter

PARTS = {"reply": "reply", "edit": "edit", "delete": "delete", "hide": "hide", "restore": "restore"}
WHEN = datetime(2027, 3, 4, 9, 30, tzinfo=UTC)


def shown(pk: int, *, author: str = "Ana", replies=(), **comment) -> ShownComment:
    fields = {"body": "Hello", "language": "en", "created_at": WHEN} | comment
    return ShownComment(
        comment=MemberComment(pk=pk, **fields),
        author=author,
        show_text=True,
        may_edit=False,
        may_delete=False,
        may_reply=True,
        may_moderate=True,
        replies=list(replies),
        reply_count=len(replies),
    )


def render(*threads: ShownComment, csrf: str = "a-csrf-value") -> str:
    with translation.override("en"):
        return render_rows(
            rows_of(list(threads)),
            comment_base="/en/network/page/comments/",
            parts=PARTS,
            show_all_link=True,
            csrf_token=csrf,
        )


def test_a_name_and_a_comment_typed_as_html_are_shown_as_text():
    html = render(shown(1, author='<img src=x onerror="alert(1)">', body="<b>bold</b>"))

    assert "<img" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_the_reason_for_hiding_a_comment_is_shown_as_text_to_the_dmr():
    hidden = shown(1, hidden_at=WHEN, hidden_reason="<script>x</script>")

    html = render(hidden)

    assert "<script>" not in html
    assert "Reason for hiding: &lt;script&gt;x&lt;/script&gt;" in html


def test_showing_a_hidden_comment_again_is_a_form_with_the_csrf_token():
    html = render(shown(7, hidden_at=WHEN, hidden_reason="spam"), csrf="t0ken")

    assert '<form method="post" action="/en/network/page/comments/7/restore/"' in html
    assert '<input type="hidden" name="csrfmiddlewaretoken" value="t0ken">' in html


def test_a_thread_nests_its_replies_in_their_own_list():
    thread = shown(1, replies=[shown(2, body="First reply"), shown(3, body="Second reply")])

    html = render(thread)

    assert html.count('<ol class="comment-replies"') == 1
    assert html.index('id="comment-1"') < html.index("First reply") < html.index("Second reply")
    assert html.count("<li>") == html.count("</li>")
    assert html.count("<ol") == html.count("</ol>")


def test_a_listings_dates_are_written_as_djangos_date_format_writes_them():
    moments = [
        datetime(2027, month, day, hour, 5, tzinfo=UTC)
        for month, day, hour in [(1, 1, 0), (2, 28, 9), (8, 15, 13), (12, 31, 23)]
    ]
    for language in ("en", "fr"):
        with translation.override(language):
            for format_string in (
                formats.get_format("DATETIME_FORMAT"),
                "j F Y, H:i",
                "\\a\\t H:i",
                "D j M Y",  # other characters: left to Django
            ):
                write = datetime_formatter(format_string)
                for moment in moments:
                    assert write(moment) == dateformat.format(moment, format_string)


def test_a_listings_dates_read_as_the_sites_date_filter_writes_them_french_1er_included():
    first, other = datetime(2027, 3, 1, 9, 5), datetime(2027, 3, 4, 9, 5)
    for language in ("en", "fr"):
        with translation.override(language):
            for name in ("DATE_FORMAT", "DATETIME_FORMAT"):
                write = formatter_for(name)
                for moment in (first, other):
                    assert write(moment) == site_date_filter(moment, name)
    with translation.override("fr"):
        assert formatter_for("DATE_FORMAT")(first) == "1er mars 2027"
