"""Reading a rendered page as a browser would, to tell text shown as text from markup.

Whatever a member types must reach the page as text: parsed back, it reads as what was
typed, and it adds no element, no event handler and no script link to the page.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# Browsers ignore control characters and spaces inside a URL's scheme.
IGNORED_IN_SCHEMES = re.compile(r"[\x00-\x20\x7f]+")


@dataclass
class ParsedPage:
    text: str = ""
    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    alerts: str = ""  # text of Django's error lists and of role="alert" regions


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._text: list[str] = []
        self._alerts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, opens an alert region)
        self._textarea: tuple[str, list[str]] | None = None

    @property
    def _in_alert(self) -> bool:
        return any(opens for _tag, opens in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.page.tags.append((tag, attributes))
        if tag == "input" and "name" in attributes:
            self.page.fields[attributes["name"]].append(attributes.get("value", ""))
        if tag == "textarea":
            self._textarea = (attributes.get("name", ""), [])
        if tag not in VOID_ELEMENTS:
            alert = "errorlist" in attributes.get("class", "").split()
            alert = alert or attributes.get("role") == "alert"
            self._stack.append((tag, alert))

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            name, parts = self._textarea
            value = "".join(parts)
            self.page.fields[name].append(value.removeprefix("\r\n").removeprefix("\n"))
            self._textarea = None
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        self._text.append(data)
        if self._textarea is not None:
            self._textarea[1].append(data)
        if self._in_alert:
            self._alerts.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self._text)
        self.page.alerts = "".join(self._alerts).strip()


def parse(html: str) -> ParsedPage:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def squeezed(text: str) -> str:
    """`text` without any whitespace: line breaks become <br> or paragraphs on a page."""
    return "".join(text.split())


def shows_as_text(page: ParsedPage, typed: str) -> bool:
    """Whether what was typed reads, as text, somewhere on the page."""
    return squeezed(typed) in squeezed(page.text)


def injected_markup(page: ParsedPage) -> list[str]:
    """Markup that no template of the site writes: inline or foreign scripts, event
    handlers, script links. An empty list when there is none."""
    found = []
    for tag, attributes in page.tags:
        if tag == "script" and not attributes.get("src", "").startswith("/static/"):
            found.append(f"<script {attributes}>")
        for name, value in attributes.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}={value!r}>")
            scheme = IGNORED_IN_SCHEMES.sub("", value).lower()
            if name in URL_ATTRIBUTES and scheme.startswith(SCRIPT_SCHEMES):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def field_value(page: ParsedPage, name: str) -> str | None:
    """The value a form on the page holds for `name` (the first such field), if any."""
    values = page.fields.get(name)
    return values[0] if values else None
