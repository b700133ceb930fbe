"""The documents of a library's list, written in Python:

{% load library_rows %}
{% library_entry_rows rows %}

Same markup as the template loop it replaces (and its include of `_version_links.html`
for each language): a list shows 20 documents with their files, and through the template
engine each cost ~0.5 ms (issue 17). Every value is plain text, escaped as Django's
`escape` does (the standard library's `html.escape`, quotes included).

Each row is kept for the process (`fragments.kept_row`) under everything it is written
from: the row itself (the entry's shown columns, its tags' names, its files as read), the
library it names (its address and title), the reader's language and the URL prefix. A page
whose rows are all kept translates, formats and reverses nothing."""

from functools import cache
from html import escape

from django import template
from django.urls import get_script_prefix, get_urlconf
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from network_pages.date_text import formatter_for
from network_pages.reversed_once import document_url, url_by_id
from nfp_site import fragments

from ..languages import language_labels
from ..listing import EntryRow, ListedVersion
from ..places import Library

register = template.Library()


class _Words:
    """What every row writes the same, translated and formatted once per list."""

    def __init__(self) -> None:
        self.language = get_language()
        self.labels = language_labels()
        self.download = gettext("Download %(name)s")
        self.open_pdf = escape(gettext("Open the PDF in a new tab"))
        self.date = formatter_for("DATE_FORMAT")
        self.entry_url = url_by_id("library:entry")
        self.preview_url = url_by_id("library:preview")
        self.document_url = document_url()
        self._versions: dict[int, str] = {}

    def versions(self, counter: int) -> str:
        """The count of a language's versions ("2 versions"), as the template's
        `{% blocktranslate count %}` wrote it."""
        if counter not in self._versions:
            text = ngettext("%(counter)s version", "%(counter)s versions", counter)
            self._versions[counter] = text % {"counter": localize(counter)}
        return self._versions[counter]


def version_links(version: ListedVersion, words: _Words) -> str:
    """As library/_version_links.html (its final newline included)."""
    download = words.download % {"name": escape(version.filename)}
    url = words.document_url(version.document_id, version.filename)
    links = f'<a href="{escape(url)}" download>{download}</a>'
    if version.is_pdf:
        preview = escape(words.preview_url(version.pk))
        links += f' · <a href="{preview}" target="_blank" rel="noopener">{words.open_pdf}</a>'
    return links + "\n"


def _languages(row: EntryRow, words: _Words) -> str:
    parts = []
    for group in row.language_versions(words.language, words.labels):
        language = escape(group.language) if group.language != "other" else ""
        count = ""
        if group.history:
            count = f" ({words.versions(len(group.versions))})"
        parts.append(
            f'\n            <li lang="{language}"><strong>{escape(group.label)}</strong>: '
            f"{version_links(group.current, words)}{count}</li>\n            "
        )
    return "".join(parts)


def _row(row: EntryRow, place: tuple[str, str] | None, words: _Words) -> str:
    """`place`: the address and title of the library the row names (every library's list)."""
    entry = row.entry
    url = escape(words.entry_url(entry.pk))
    link = ""
    if place is not None:
        link = f'<a href="{escape(place[0])}">{escape(place[1])}</a> · '
    state_name = entry.state_name(words.language)
    state = f" · {escape(state_name)}" if state_name else ""
    tags = "".join(f' · <span class="tag">{escape(name)}</span>' for name in row.tag_names)
    return (
        "\n    <li>\n"
        f'        <h2><a href="{url}">{escape(entry.title)}</a></h2>\n'
        f'        <p class="meta">{link}<time datetime="{entry.date.isoformat()}">'
        f"{escape(words.date(entry.date))}</time>{state}{tags}</p>\n"
        '        <ul class="library-languages">\n            '
        f"{_languages(row, words)}\n"
        "        </ul>\n"
        "    </li>\n    "
    )


@register.simple_tag
def library_entry_rows(rows: list[EntryRow]) -> SafeString:
    # Made once, and only if a row is written (a page whose rows are all kept needs none).
    words = cache(_Words)
    # What every row's markup depends on beyond the row: the words, dates and labels (the
    # language), the links (the language's URL prefix, the script's, the URLconf).
    context = (get_language(), get_script_prefix(), get_urlconf())
    places: dict[Library, tuple[str, str]] = {}

    def place_of(library: Library | None) -> tuple[str, str] | None:
        if library is None:
            return None
        if library not in places:
            places[library] = (library.url(), library.title)
        return places[library]

    written = []
    for row in rows:
        place = place_of(row.library)
        key = ("library.entry_row", context, row.entry, row.tag_names, row.versions, place)
        written.append(
            fragments.kept_row(key, lambda row=row, place=place: _row(row, place, words()))
        )
    return mark_safe("".join(written))  # noqa: S308 - escaped by _row
