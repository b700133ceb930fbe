"""The documents of a library's list, written in Python:

{% load library_rows %}
{% library_entry_rows rows %}

Same markup as the template loop it replaces (and its include of `_version_links.html`
for each language): a list shows 20 documents with their files, and through the template
engine each cost ~0.5 ms (issue 17). Every value is plain text, escaped as Django's
`escape` does (the standard library's `html.escape`, quotes included)."""

from collections.abc import Callable
from html import escape
from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from network_pages.date_text import formatter_for

from ..listing import EntryRow, ListedVersion

register = template.Library()

# An id no row has, to reverse a URL once and put each row's id in its place.
STAND_IN = 987654321


def url_by_id(name: str) -> Callable[[int], str]:
    """`lambda pk: reverse(name, args=[pk])`, reversed once (an id is digits: unquoted)."""
    head, tail = reverse(name, args=[STAND_IN]).split(str(STAND_IN))
    return lambda pk: f"{head}{pk}{tail}"


def document_url() -> Callable[[int, str], str]:
    """`lambda id, filename: document.url` for the site's documents, always served by the
    access-checked view (settings: WAGTAILDOCS_SERVE_METHOD "serve_view"): the view
    reversed once, the file's name quoted as `reverse` quotes it."""
    head, tail = reverse("wagtaildocs_serve", args=[STAND_IN, "name"]).split(f"{STAND_IN}/name")
    safe = RFC3986_SUBDELIMS + "/~:@"
    return lambda pk, filename: f"{head}{pk}/{quote(filename, safe=safe)}{tail}"


class _Words:
    """What every row writes the same, translated and formatted once per list."""

    def __init__(self) -> None:
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
    for group in row.language_versions:
        language = escape(group.language) if group.language != "other" else ""
        count = ""
        if group.history:
            count = f" ({words.versions(len(group.versions))})"
        parts.append(
            f'\n            <li lang="{language}"><strong>{escape(group.label)}</strong>: '
            f"{version_links(group.current, words)}{count}</li>\n            "
        )
    return "".join(parts)


def _row(row: EntryRow, words: _Words) -> str:
    entry = row.entry
    url = escape(words.entry_url(entry.pk))
    place = ""
    if row.library is not None:
        place = f'<a href="{escape(row.library.url())}">{escape(row.library.title)}</a> · '
    state = f" · {escape(entry.member_state.name)}" if entry.member_state else ""
    tags = "".join(f' · <span class="tag">{escape(name)}</span>' for name in row.tag_names)
    return (
        "\n    <li>\n"
        f'        <h2><a href="{url}">{escape(entry.title)}</a></h2>\n'
        f'        <p class="meta">{place}<time datetime="{entry.date.isoformat()}">'
        f"{escape(words.date(entry.date))}</time>{state}{tags}</p>\n"
        '        <ul class="library-languages">\n            '
        f"{_languages(row, words)}\n"
        "        </ul>\n"
        "    </li>\n    "
    )


@register.simple_tag
def library_entry_rows(rows: list[EntryRow]) -> SafeString:
    words = _Words()
    return mark_safe("".join(_row(row, words) for row in rows))  # noqa: S308 - escaped by _row
