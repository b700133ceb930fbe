"""The information request index's table rows, written in Python.

Same markup as the template loop they replace (information_request_index_page.html's
`{% for item in requests %}` with its `{% foreign_language %}`, two `get_…_display`, two
`|date` and three `{% translate %}` per row): a page lists 20 requests at the network's size
against two at the demo's, and the template engine cost ~0.8 ms per row (issue 17). Every
value is plain text, escaped as Django's `escape` does (the standard library's
`html.escape`, quotes included); the words are translated once per page.
Each row is kept for the process (`fragments.kept_row`) under everything it is written from
(`_row_key`). `tests/information/test_request_rows.py` compares both, byte for byte."""

from collections.abc import Iterable
from functools import cache
from html import escape

from django.conf import settings
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from network_pages.date_text import formatter_for
from network_pages.templatetags.content_language import language_of
from nfp_site import fragments

from .models.request_page import InformationRequestPage


class _Words:
    """What every row writes the same: `{% translate "…" %}` of a literal (safe, so not
    escaped) and the choices' labels (escaped, as `{{ item.get_…_display }}`)."""

    def __init__(self) -> None:
        self.dmr = gettext("DMR Secretariat")
        self.own_status = {
            "submitted": gettext("Submitted"),
            "draft": gettext("Draft"),
        }
        self.not_started = gettext("Not started")
        self.languages = {code: escape(str(name)) for code, name in settings.LANGUAGES}
        statuses = InformationRequestPage.Status.choices
        self.statuses = {value: escape(str(label)) for value, label in statuses}
        self.write_date = formatter_for("DATE_FORMAT")


def _label(labels: dict[str, str], value: str, display) -> str:
    """A choice's escaped label; a value outside the choices as Django displays it."""
    label = labels.get(value)
    return label if label is not None else escape(str(display()))


def _row(item, with_own_status: bool, words: _Words) -> str:
    language = language_of(item)
    lang = "" if language in ("", get_language()) else escape(language)
    link_language = f' lang="{lang}" hreflang="{lang}"' if lang else ""
    requester = escape(item.member_state.name) if item.member_state else words.dmr
    language_label = _label(words.languages, item.language, item.get_language_display)
    own = ""
    if with_own_status:
        own = f"<td>{words.own_status.get(item.own_status, words.not_started)}</td>"
    return (
        "\n        <tr>\n"
        f'            <th scope="row"><a href="{escape(item.listing_url)}"{link_language}>'
        f"{escape(item.title)}</a></th>\n"
        f"            <td>{requester}</td>\n"
        f"            <td>{language_label}</td>\n"
        f'            <td><time datetime="{item.deadline.isoformat()}">'
        f"{escape(words.write_date(item.deadline))}</time></td>\n"
        f"            <td>{_label(words.statuses, item.status, item.get_status_display)}</td>\n"
        f"            {own}\n"
        "        </tr>\n    "
    )


def rows_html(requests: Iterable, *, with_own_status: bool) -> SafeString:
    """The rows of `requests` (each with its `listing_url` and `own_status` set by the view);
    `with_own_status`: the reader represents a state, whose response each row says."""
    language = get_language()
    # Made once, and only if a row is written (a page whose rows are all kept needs none).
    words = cache(_Words)

    return SafeString(
        "".join(
            fragments.kept_row(
                _row_key(item, with_own_status, language),
                lambda item=item: _row(item, with_own_status, words()),
            )
            for item in requests
        )
    )


def _row_key(item, with_own_status: bool, language: str) -> tuple:
    """Everything `_row` writes a request from, with the reader's language (the words, the
    date): the key its row is kept under for the process."""
    state = item.member_state
    return (
        "information.request_row",
        language,
        item.listing_url,
        item.title,
        language_of(item),
        state.name if state else None,
        item.language,
        item.deadline,
        item.status,
        with_own_status and item.own_status,
        with_own_status,
    )
