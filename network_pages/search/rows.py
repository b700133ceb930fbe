"""The results' rows written in Python, with the markup the search's template wrote for them
(issue 17: a loop of twenty hits through the template engine, with an include and a
`blocktranslate` each, was a fifth of a search's time in Python). Every value is escaped as
the template escaped it; `tests/search/test_result_rows.py` compares both, in English and
French, for a Focal Point and the DMR."""

from django.template.defaultfilters import date
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from network_pages.templatetags.content_language import LanguageTag

from .models import SearchEntry
from .query import Hit


def _row(hit: Hit, language_tag: LanguageTag, kinds: dict[str, str], dates: dict) -> str:
    entry = hit.entry
    language = conditional_escape(entry.language)
    kind = [conditional_escape(kinds.get(entry.kind, entry.kind))]
    if entry.member_state:
        kind.append(f" · {conditional_escape(entry.member_state.name)}")
    if entry.date:
        if entry.date not in dates:
            dates[entry.date] = (
                f' · <time datetime="{conditional_escape(date(entry.date, "Y-m-d"))}">'
                f"{conditional_escape(date(entry.date, 'DATE_FORMAT'))}</time>"
            )
        kind.append(dates[entry.date])
    kind.append(language_tag(entry.language))
    hreflang = f' hreflang="{language}"' if entry.language else ""
    snippet = ""
    if hit.snippet:
        lang = f' lang="{language}"' if entry.language else ""
        snippet = f"<p{lang}>{conditional_escape(hit.snippet)}</p>"
    download = ""
    if hit.download_url:
        # The msgid of the template's `blocktranslate`: its words as translated, the title
        # escaped.
        label = gettext("Download “%(title)s”") % {"title": conditional_escape(entry.title)}
        download = (
            f'<p class="search-download"><a href="{conditional_escape(hit.download_url)}">'
            f"{label}</a></p>"
        )
    return (
        "\n        <li>\n"
        f'            <p class="search-kind">{"".join(kind)}</p>\n'
        f'            <h3><a href="{conditional_escape(hit.url)}"{hreflang}>'
        f"{conditional_escape(hit.title)}</a></h3>\n"
        f"            {snippet}\n"
        f"            {download}\n"
        "        </li>\n        "
    )


def result_rows(hits: list[Hit], reader_language: str) -> SafeString:
    """The `<li>` of every hit, as `{% for hit in outcome.hits %}` wrote them
    (`reader_language`: the template's LANGUAGE_CODE, the active language). The kinds' names
    (`get_kind_display()` hashed every lazy name at every call) and each date are written
    once."""
    kinds = {value: str(label) for value, label in SearchEntry.Kind.choices}
    dates: dict = {}
    language_tag = LanguageTag(reader_language)
    return mark_safe("".join(_row(hit, language_tag, kinds, dates) for hit in hits))  # noqa: S308 - escaped above
