"""The results' rows written in Python, with the markup the search's template wrote for them
(issue 17: a loop of twenty hits through the template engine, with an include and a
`blocktranslate` each, was a fifth of a search's time in Python). Every value is escaped as
the template escaped it; `tests/search/test_result_rows.py` compares both, in English and
French, for a Focal Point and the DMR.

A plain value is escaped with the standard library's `html.escape` (quotes included), as
Django's `escape` does, without its wrapper for lazy strings: none is lazy here. A hit's
title and snippet are already marked and escaped (`highlights`): written as they are, as
`conditional_escape` wrote them."""

from functools import lru_cache
from html import escape

from django.template.defaultfilters import date
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from network_pages.templatetags.content_language import LanguageTag

from .models import SearchEntry
from .query import Hit


class _Words:
    """What every row of a page writes the same, translated once for the page."""

    def __init__(self, reader_language: str) -> None:
        self.language_tag = LanguageTag(reader_language)
        self.kinds = _kind_labels(get_language())
        # The msgid of the template's `blocktranslate`: its words as translated.
        self.download = gettext("Download “%(title)s”")
        self.dates: dict = {}

    def kind(self, kind: str) -> str:
        return self.kinds[kind] if kind in self.kinds else escape(kind)

    def written_date(self, day) -> str:
        """The row's " · <time>", each date formatted once per page."""
        if day not in self.dates:
            self.dates[day] = (
                f' · <time datetime="{escape(date(day, "Y-m-d"))}">'
                f"{escape(date(day, 'DATE_FORMAT'))}</time>"
            )
        return self.dates[day]


@lru_cache(maxsize=8)
def _kind_labels(language: str | None) -> dict[str, str]:
    """{kind: its label in `language`, escaped}, translated once per language
    (`get_kind_display()` hashed every lazy label at every call)."""
    return {value: escape(str(label)) for value, label in SearchEntry.Kind.choices}


def _row(hit: Hit, words: _Words) -> str:
    entry = hit.entry
    language = escape(entry.language)
    kind = [words.kind(entry.kind)]
    state = entry.member_state
    if state:
        kind.append(f" · {escape(state.name)}")
    if entry.date:
        kind.append(words.written_date(entry.date))
    kind.append(words.language_tag(entry.language))
    hreflang = f' hreflang="{language}"' if entry.language else ""
    snippet = ""
    if hit.snippet:
        lang = f' lang="{language}"' if entry.language else ""
        snippet = f"<p{lang}>{conditional_escape(hit.snippet)}</p>"
    download = ""
    if hit.download_url:
        label = words.download % {"title": escape(entry.title)}
        download = (
            f'<p class="search-download"><a href="{escape(hit.download_url)}">{label}</a></p>'
        )
    return (
        "\n        <li>\n"
        f'            <p class="search-kind">{"".join(kind)}</p>\n'
        f'            <h3><a href="{escape(hit.url)}"{hreflang}>'
        f"{conditional_escape(hit.title)}</a></h3>\n"
        f"            {snippet}\n"
        f"            {download}\n"
        "        </li>\n        "
    )


def result_rows(hits: list[Hit], reader_language: str) -> SafeString:
    """The `<li>` of every hit, as `{% for hit in outcome.hits %}` wrote them
    (`reader_language`: the template's LANGUAGE_CODE, the active language). The kinds' names
    are translated once per language, each date written once per page."""
    words = _Words(reader_language)
    return mark_safe("".join(_row(hit, words) for hit in hits))  # noqa: S308 - escaped above
