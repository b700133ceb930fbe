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

Every reader of a page is shown the same comments, and a comment's markup changes only with
what it is written from: each comment's `<article>` is kept for the process
(`fragments.kept_row`), under a key that holds everything it is written from (the comment's
columns, the author's label, what this reader may see of it and do with it, the language,
the time zone, the links), so that a reader is only given markup written for exactly their
inputs, and an edited, deleted or hidden comment is another key. The one part that is the
reader's own, the CSRF token of the DMR's "Show again" form, is never kept. The listing's
fixed words are kept the same way, per language and time zone.
"""

import html
from collections.abc import Iterable, Mapping

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from network_pages.date_text import formatter_for
from network_pages.templatetags.content_language import LanguageTag, language_of
from nfp_site import fragments

from .listing import CommentListing, Row, ShownComment
from .text import render_comment_text

# The routes of comments/mixin.py a comment's actions link to.
ROUTES = ("reply", "edit", "delete", "hide", "restore")
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
    words = _Words.of(get_language() or "")
    links = _Links(comment_base, parts)
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
        out.append(_kept_article(row.item, words, links, csrf_token))
        if row.is_reply:
            out.append("</li>")
            if row.closes_thread:
                out.append("</ol>")
        if row.closes_thread:
            out.append("</li>")
    out.append("</ol>")
    # Safe: every value above is escaped (or escaped by render_comment_text).
    return mark_safe("\n".join(out))  # noqa: S308


def render_listing(
    comments: CommentListing,
    *,
    comment_base: str,
    parts: Mapping[str, str],
    show_all_link: bool,
    csrf_token: str = "",
) -> SafeString:
    """`render_rows` of a page's listing, kept for the process under everything it is written
    from (`listing.listing_key`, the words and the links): a page's readers mostly share
    one key, and its comments' work is then none (issue 17: a page of 80 comments cost
    ~1 ms of rules, keys and joins, against the demo's few)."""
    if comments.kept_key is None:
        return render_rows(
            comments.rows,
            comment_base=comment_base,
            parts=parts,
            show_all_link=show_all_link,
            csrf_token=csrf_token,
        )
    words = _Words.of(get_language() or "")
    links = _Links(comment_base, parts)
    key = (comments.kept_key, words.key, links.key, show_all_link)
    return fragments.kept_listing(
        key,
        # No CSRF token: a listing with a form that needs one has no key (`listing_key`).
        lambda: render_rows(
            comments.rows, comment_base=comment_base, parts=parts, show_all_link=show_all_link
        ),
    )


class _Words:
    """The fixed words of a listing, translated once per process for each language and time
    zone (not once per listing, nor per comment)."""

    # Names written in "to <name>" before starting again: the network's members, and more.
    MAX_NAMES = 2000

    @classmethod
    def of(cls, reader_language: str) -> "_Words":
        zone = timezone.get_current_timezone()
        key = ("community.comments.words", get_language(), zone, reader_language)
        return fragments.kept(key, lambda: cls(reader_language, zone))

    def __init__(self, reader_language: str, zone) -> None:
        # What every comment's markup depends on besides the comment (`_kept_article`).
        self.key = (get_language(), zone, reader_language)
        self.zone = zone
        self.language_tag = LanguageTag(reader_language)
        self.format_datetime = formatter_for("DATETIME_FORMAT")
        self._to_whom: dict[str, str] = {}
        self._to_whom_words = gettext("to %(name)s")
        self.replies = escape(gettext("Replies"))
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
        written = self._to_whom.get(name)
        if written is None:
            if len(self._to_whom) >= self.MAX_NAMES:
                self._to_whom.clear()
            written = self._to_whom[name] = escape(self._to_whom_words % {"name": name})
        return written


class _Links:
    """The page's comments/ URL and its routes' sub-path parts, escaped once per listing."""

    def __init__(self, comment_base: str, parts: Mapping[str, str]) -> None:
        self.key = (comment_base, *(parts[route] for route in ROUTES))
        self.base = escape(comment_base)
        self.parts = {route: escape(parts[route]) for route in ROUTES}


def _kept_article(item: ShownComment, words: _Words, links: _Links, csrf_token: str) -> str:
    """`_article`, kept for the process under everything it is written from (the module's
    docstring); written every time when it holds the reader's CSRF token."""
    comment = item.comment
    if item.may_moderate and comment.is_hidden:
        return _article(item, words, links, csrf_token)
    key = (
        "community.comment",
        comment.pk,
        comment.body,
        comment.language,
        comment.created_at,
        comment.edited_at,
        comment.deleted_at is not None,
        comment.hidden_at is not None,
        comment.hidden_reason,
        item.author,
        item.show_text,
        item.may_edit,
        item.may_delete,
        item.may_reply,
        item.may_moderate,
        words.key,
        links.key,
    )
    return fragments.kept_row(key, lambda: _article(item, words, links, ""))


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


def _article(item: ShownComment, words: _Words, links: _Links, csrf_token: str) -> str:
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
    if not deleted:
        meta += words.language_tag(language_of(comment))
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
    actions = _actions(item, words, links, csrf_token)
    if actions:
        out.append(f'<ul class="comment-actions">{actions}</ul>')
    out.append("</article>")
    return "\n".join(out)


def _actions(item: ShownComment, words: _Words, links: _Links, csrf_token: str) -> str:
    base = f"{links.base}{item.pk}/"
    parts = links.parts
    written = []
    if item.may_reply:
        to_whom = words.to_whom(item.author)
        written.append(
            f'<li><a href="{base}{parts["reply"]}/">{words.reply}'
            f'<span class="visually-hidden"> {to_whom}</span></a></li>'
        )
    if item.may_edit:
        written.append(f'<li><a href="{base}{parts["edit"]}/">{words.edit}</a></li>')
    if item.may_delete:
        written.append(f'<li><a href="{base}{parts["delete"]}/">{words.delete}</a></li>')
    if item.may_moderate:
        if item.comment.is_hidden:
            written.append(
                f'<li><form method="post" action="{base}{parts["restore"]}/" '
                f'class="inline-form">{csrf_input(csrf_token)}'
                f'<button type="submit" class="link-button">{words.show_again}</button>'
                "</form></li>"
            )
        else:
            written.append(f'<li><a href="{base}{parts["hide"]}/">{words.hide}</a></li>')
    return "".join(written)


def csrf_input(token) -> str:
    """What `{% csrf_token %}` writes: nothing without a token."""
    token = str(token or "")
    if token in ("", NO_TOKEN):
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">'
