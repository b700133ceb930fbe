"""Comments are plain text: every character is escaped, then http(s) links become links.

No HTML a member types ever reaches a page, an email or the admin as markup.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# A web address up to the next space or character that cannot end one in running text.
URL = re.compile(r"https?://[^\s<>\"'`\x00-\x1f\x7f]+", re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)]}»”’"
LINK_REL = "nofollow noopener noreferrer"


def _split_trailing(url: str) -> tuple[str, str]:
    """`https://x.example/a).` → (`https://x.example/a`, `).`); balanced brackets stay."""
    trailing = ""
    while url and url[-1] in TRAILING_PUNCTUATION:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        trailing = url[-1] + trailing
        url = url[:-1]
    return url, trailing


def linkify_line(line: str) -> str:
    """One line of text as HTML: escaped text, with its web addresses as links."""
    pieces: list[str] = []
    position = 0
    for match in URL.finditer(line):
        url, trailing = _split_trailing(match.group(0))
        if not re.match(r"https?://[^/?#]", url, re.IGNORECASE):
            continue
        pieces.append(escape(line[position : match.start()]))
        pieces.append(format_html('<a href="{}" rel="{}">{}</a>', url, LINK_REL, url))
        pieces.append(escape(trailing))
        position = match.end()
    pieces.append(escape(line[position:]))
    return "".join(pieces)


def render_comment_text(text: str) -> SafeString:
    """Paragraphs (blank lines) and line breaks kept; everything escaped, links clickable."""
    paragraphs = [part for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if part.strip()]
    html = "".join(
        "<p>{}</p>".format("<br>".join(linkify_line(line) for line in paragraph.split("\n")))
        for paragraph in paragraphs
    )
    # Safe: built only from escape() and format_html() output above.
    return mark_safe(html)  # noqa: S308
