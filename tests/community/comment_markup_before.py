# comments/markup.py as main wrote it (51dffa3) before each article was kept for the process:
# verbatim but for its imports, made absolute. What the listing must still write, byte for byte
# (test_comment_markup_as_before.py).
"""The HTML of a comment listing's rows, written in Python (issue 17, 5).

A page shows up to 80 comments (`listing.THREADS_PER_PAGE` threads with their latest
replies). Rendered by Django's template engine, each comment cost about 0.3 ms of lookups,
filters and `{% translate %}` tags: 20 to 30 ms for a full page, more than the rest of the
page. Here each comment is a few escaped strings joined together: the same markup for a
small part of that. Every member-written value goes through `escape()`; the comment's text
through `render_comment_text`, which escapes it; the translated strings are the catalogue's,
escaped too.

`rows` come from `listing.rows_of`: a thread, then its replies. `comment_base` is the page's
comments/ URL and `parts` its sub-path parts (`area_addresses.sub_path_parts`): the links
follow the routes of comments/mixin.py.
"""

import html
from collections.abc import Iterable, Mapping

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from network_pages.community.comments.listing import Row, ShownComment
from network_pages.community.comments.text import render_comment_text
from network_pages.date_text import formatter_for
from network_pages.templatetags.content_language import language_of

# What the CSRF context processor gives when the view has no token (as `{% csrf_token %}`).
NO_TOKEN = "NOTPROVIDED"  # noqa: S105 - a marker, not a secret


def escape(text: str) -> str:
    """`django.utils.html.escape` without its lazy-string wrapper (called ~13 times per
    comment): the same characters escaped the same way (& < > " ')."""
    return html.escape(str(text))


def render_rows(
    rows: Iterable[Row],
    *,
    comment_base: str,
    parts: Mapping[str, str],
    show_all_link: bool,
    csrf_token: str = "",
) -> SafeString:
    """The `<ol class="comment-list">` of `rows`, threads with their replies nested."""
    words = _Words(reader_language=get_language() or "")
    out = ['<ol class="comment-list">']
    for row in rows:
        if not row.is_reply:
            out.append("<li>")
        if row.opens_replies:
            if row.thread.replies_not_shown and show_all_link:
                out.append(_more_replies(row.thread, comment_base))
            out.append(f'<ol class="comment-replies" aria-label="{words.replies}">')
        if row.is_reply:
            out.append("<li>")
        out.append(_article(row.item, words, comment_base, parts, csrf_token))
        if row.is_reply:
            out.append("</li>")
            if row.closes_thread:
                out.append("</ol>")
        if row.closes_thread:
            out.append("</li>")
    out.append("</ol>")
    # Safe: every value above is escaped (or escaped by render_comment_text).
    return mark_safe("\n".join(out))  # noqa: S308


class _Words:
    """The fixed words of a listing, translated once (not once per comment)."""

    def __init__(self, reader_language: str) -> None:
        # The active language and time zone, read once (each is a context-local lookup).
        self.language = get_language()
        self.zone = timezone.get_current_timezone()
        self.reader_language = escape(reader_language)
        self.format_datetime = formatter_for("DATETIME_FORMAT")
        self._to_whom: dict[str, str] = {}
        self._to_whom_words = gettext("to %(name)s")
        self.replies = escape(gettext("Replies"))
        self.in_language = {
            "en": escape(gettext("in English")),
            "fr": escape(gettext("in French")),
        }
        self.deleted = escape(gettext("Comment deleted by its author."))
        self.hidden = escape(gettext("This comment was hidden by the DMR Secretariat."))
        self.hidden_text = escape(gettext("Hidden text, shown to the DMR Secretariat only:"))
        self.reply = escape(gettext("Reply"))
        self.edit = escape(gettext("Edit"))
        self.delete = escape(gettext("Delete"))
        self.show_again = escape(gettext("Show again"))
        self.hide = escape(gettext("Hide"))

    def to_whom(self, name: str) -> str:
        """ "to <name>", escaped: the words translated once per listing, written once per
        author."""
        if name not in self._to_whom:
            self._to_whom[name] = escape(self._to_whom_words % {"name": name})
        return self._to_whom[name]


def _more_replies(thread: ShownComment, comment_base: str) -> str:
    count = thread.reply_count
    label = ngettext("Show all %(count)s reply", "Show all %(count)s replies", count) % {
        "count": count
    }
    to_whom = gettext("to the comment by %(name)s") % {"name": thread.author}
    return (
        f'<p class="comment-more-replies"><a href="{escape(comment_base)}{thread.pk}/">'
        f'{escape(label)}<span class="visually-hidden"> {escape(to_whom)}</span></a></p>'
    )


def _when(value, words: _Words) -> tuple[str, str]:
    """(ISO 8601, the locale's date and time) in the current time zone, as `|date:'c'` and
    `|date:"DATETIME_FORMAT"` give."""
    local = timezone.localtime(value, words.zone)
    return local.isoformat(), words.format_datetime(local)


def _article(
    item: ShownComment,
    words: _Words,
    comment_base: str,
    parts: Mapping[str, str],
    csrf_token: str,
) -> str:
    comment = item.comment
    anchor = escape(comment.anchor)
    hidden = comment.is_hidden
    deleted = comment.is_deleted
    out = [
        f'<article class="comment{" comment--hidden" if hidden else ""}" id="{anchor}" '
        f'aria-labelledby="{anchor}-meta">',
        f'<p class="comment-meta" id="{anchor}-meta">',
    ]
    meta = f"<strong>{escape(item.author)}</strong>"
    language = language_of(comment)
    if language and language != words.language and not deleted:
        tag = words.in_language["en"] if language == "en" else words.in_language["fr"]
        meta += f' <span class="language-tag" lang="{words.reader_language}">({tag})</span>'
    iso, shown_at = _when(comment.created_at, words)
    meta += f' · <time datetime="{escape(iso)}">{escape(shown_at)}</time>'
    if comment.edited_at and not deleted:
        edited = gettext("edited %(when)s") % {"when": _when(comment.edited_at, words)[1]}
        meta += f' · <span class="comment-edited">{escape(edited)}</span>'
    out += [meta, "</p>"]
    text_lang = escape(comment.language)
    if deleted:
        out.append(f'<p class="comment-removed">{words.deleted}</p>')
    elif hidden:
        out.append(f'<p class="comment-removed">{words.hidden}</p>')
        if item.show_text:
            reason = gettext("Reason for hiding: %(reason)s") % {"reason": comment.hidden_reason}
            out += [
                '<div class="comment-record">',
                f"<p><strong>{words.hidden_text}</strong></p>",
                f'<div class="comment-text" lang="{text_lang}">'
                f"{render_comment_text(comment.body or '')}</div>",
                f"<p>{escape(reason)}</p>",
                "</div>",
            ]
    else:
        out.append(
            f'<div class="comment-text" lang="{text_lang}">'
            f"{render_comment_text(comment.body or '')}</div>"
        )
    actions = _actions(item, words, comment_base, parts, csrf_token)
    if actions:
        out.append(f'<ul class="comment-actions">{actions}</ul>')
    out.append("</article>")
    return "\n".join(out)


def _actions(
    item: ShownComment,
    words: _Words,
    comment_base: str,
    parts: Mapping[str, str],
    csrf_token: str,
) -> str:
    base = f"{escape(comment_base)}{item.pk}/"
    links = []
    if item.may_reply:
        to_whom = words.to_whom(item.author)
        links.append(
            f'<li><a href="{base}{escape(parts["reply"])}/">{words.reply}'
            f'<span class="visually-hidden"> {to_whom}</span></a></li>'
        )
    if item.may_edit:
        links.append(f'<li><a href="{base}{escape(parts["edit"])}/">{words.edit}</a></li>')
    if item.may_delete:
        links.append(f'<li><a href="{base}{escape(parts["delete"])}/">{words.delete}</a></li>')
    if item.may_moderate:
        if item.comment.is_hidden:
            links.append(
                f'<li><form method="post" action="{base}{escape(parts["restore"])}/" '
                f'class="inline-form">{_csrf_input(csrf_token)}'
                f'<button type="submit" class="link-button">{words.show_again}</button>'
                "</form></li>"
            )
        else:
            links.append(f'<li><a href="{base}{escape(parts["hide"])}/">{words.hide}</a></li>')
    return "".join(links)


def _csrf_input(token) -> str:
    """What `{% csrf_token %}` writes: nothing without a token."""
    token = str(token or "")
    if token in ("", NO_TOKEN):
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">'
