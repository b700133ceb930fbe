"""Where a hit's text matches the query, marked: computed from an entry the reader may read,
so it shows nothing the access rule did not already allow."""

import re
from functools import lru_cache
from html import escape

from django.utils.safestring import SafeString, mark_safe

SNIPPET_LENGTH = 240
WORD = re.compile(r"\w{2,}", re.UNICODE)


def terms_of(query: str) -> list[str]:
    """The words of the query, longest first (so that a longer match wins)."""
    words = {word.lower() for word in WORD.findall(query or "")}
    return sorted(words, key=len, reverse=True)[:10]


@lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    """The terms' pattern, compiled once for all the hits of a search (three times per hit
    otherwise: its title, where its snippet starts, the snippet)."""
    if not terms:
        return None
    # A word's start: "migrat" in "migration" is marked, as stemming finds it.
    return re.compile("|".join(rf"\b{re.escape(term)}\w*" for term in terms), re.IGNORECASE)


def mark(text: str, terms: list[str]) -> SafeString:
    """`text`, escaped, with every match of a term in <mark>. Escaped as Django's `escape`
    escapes (the standard library's `html.escape`, quotes included), without its wrapper
    for lazy strings (`text` is a plain string)."""
    pattern = _pattern(tuple(terms))
    if pattern is None:
        return mark_safe(escape(text))  # noqa: S308 - escaped
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def snippet(text: str, terms: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """About `length` characters of `text` around its first match, marked."""
    text = text or ""
    pattern = _pattern(tuple(terms))
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    end = start + length
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    excerpt = text[start:end]
    marked = mark(excerpt, terms)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 - `marked` is escaped
