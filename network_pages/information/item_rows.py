"""The information item index's summaries, written in Python.

Same markup as the template loop they replace (information_item_index_page.html's
`{% for item in items %}` with its `{% foreign_language %}`, the include of
components/_language_tag.html, `{% blocktranslate %}` and two `|date` per item): a page
lists 20 items at the network's size against two at the demo's, and the template engine
cost ~0.7 ms per item (issue 17). Every value is plain text, escaped as Django's `escape`
does (the standard library's `html.escape`, quotes included); the words are translated once
per page. Each summary is kept for the process (`fragments.kept_row`) under everything it
is written from (`_row_key`). `tests/information/test_item_rows.py` compares both, byte for
byte."""

from collections.abc import Iterable
from functools import cache
from html import escape

from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from network_pages.date_text import formatter_for
from network_pages.templatetags.content_language import LanguageTag, language_of
from nfp_site import fragments

from .models.item_page import InformationItemPage


class _Words:
    """What every summary writes the same: `{% translate "…" %}` of a literal (safe, so not
    escaped), the type's label (escaped, as `{{ item.get_item_type_display }}`)."""

    def __init__(self) -> None:
        self.language_tag = LanguageTag(get_language() or "")
        self.submitted_by = gettext("Submitted by %(state)s")
        self.good_practice = gettext("Good practice")
        self.themes = gettext("Themes:")
        kinds = InformationItemPage.Kind.choices
        self.kinds = {value: escape(str(label)) for value, label in kinds}
        self.write_date = formatter_for("DATE_FORMAT")


def _summary(item, words: _Words) -> str:
    language = language_of(item)
    lang = "" if language in ("", get_language()) else escape(language)
    link_language = f' lang="{lang}" hreflang="{lang}"' if lang else ""
    summary_language = f' lang="{lang}"' if lang else ""
    tag = words.language_tag(lang)
    state = ""
    if item.member_state:
        state = " · " + words.submitted_by % {"state": escape(item.member_state.name)}
    good_practice = f" · <strong>{words.good_practice}</strong>" if item.good_practice else ""
    published = ""
    if item.first_published_at:
        moment = timezone.localtime(item.first_published_at)
        published = (
            f' · <time datetime="{moment.date().isoformat()}">'
            f"{escape(words.write_date(moment))}</time>"
        )
    themes = ""
    if item.themes:
        names = ", ".join(escape(theme.name) for theme in item.themes)
        themes = f'<p class="themes">{words.themes} {names}</p>'
    kind = words.kinds.get(item.item_type)
    if kind is None:
        kind = escape(str(item.get_item_type_display()))
    return (
        "\n"
        '<article class="information-item-summary">\n'
        f'    <h2><a href="{escape(item.listing_url)}"{link_language}>{escape(item.title)}</a>'
        f"{tag}</h2>\n"
        '    <p class="item-meta">\n'
        f"        {kind}\n"
        f"        {state}\n"
        f"        {good_practice}\n"
        f"        {published}\n"
        "    </p>\n"
        f"    <p{summary_language}>{escape(item.summary)}</p>\n"
        f"    {themes}\n"
        "</article>\n"
    )


def _row_key(item, language: str, zone: str) -> tuple:
    """Everything `_summary` writes an item from, with the reader's language and time zone
    (the words, the date): the key its summary is kept under for the process."""
    state = item.member_state
    return (
        "information.item_summary",
        language,
        zone,
        item.listing_url,
        item.title,
        language_of(item),
        item.item_type,
        state.name if state else None,
        item.good_practice,
        item.first_published_at,
        item.summary,
        tuple(theme.name for theme in item.themes),
    )


def summaries_html(items: Iterable) -> SafeString:
    """The summaries of `items` (each with its `listing_url` and `themes` set by the view),
    or the words saying that none matched, as the template's loop and its `{% empty %}`."""
    language, zone = get_language(), timezone.get_current_timezone_name()
    # Made once, and only if a row is written (a page whose rows are all kept needs none).
    words = cache(_Words)

    written = "".join(
        fragments.kept_row(
            _row_key(item, language, zone), lambda item=item: _summary(item, words())
        )
        for item in items
    )
    if not written:
        # Outside the f-string: xgettext does not read calls inside one.
        nothing = gettext("No information matches these filters.")
        written = f"\n<p>{nothing}</p>\n"
    return SafeString(written)
