"""The network home's rows written in Python, with the markup its templates wrote for them
(issue 17): the latest activity (15 rows, each with two dates and, in the other language,
an included language tag) and the work lists (up to 8 items each, the DMR has five lists)
cost the template engine about as much as reading them. Every value is escaped as a
template's `{{ value }}` escapes it; `tests/community/test_dashboard_rows.py` compares both
with the templates as they were, in English and French, with hostile strings."""

from django.utils.formats import localize
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language

from network_pages.templatetags.content_language import LanguageTag
from nfp_site import fragments
from nfp_site.dates import date

from .activity import ActivityEntry
from .worklists import WorkItem


def template_text(value) -> str:
    """`{{ value }}`, as the template engine writes it (`render_value_in_context`)."""
    return conditional_escape(localize(template_localtime(value)))


_text = template_text


def _date(value, format_name: str) -> str:
    """`{{ value|date:format_name }}`: the filter takes the value in local time."""
    return conditional_escape(date(template_localtime(value), format_name))


def _iso_date(value) -> str:
    """`{{ value|date:'c' }}`: Django's "c" is the local time's `isoformat()`."""
    return conditional_escape(template_localtime(value).isoformat())


def _activity_row(entry: ActivityEntry, language_tag: LanguageTag) -> str:
    tag = language_tag(entry.lang)
    lang = f' lang="{_text(entry.lang)}" hreflang="{_text(entry.lang)}"' if tag else ""
    by = f" · {_text(entry.by)}" if entry.by else ""
    return (
        f'\n        <li><span class="activity-label">{_text(entry.label)}</span>: '
        f'<a href="{_text(entry.url)}"{lang}>{_text(entry.title)}</a>{tag}{by} · '
        f'<time datetime="{_iso_date(entry.when)}">{_date(entry.when, "DATETIME_FORMAT")}'
        "</time></li>\n        "
    )


def activity_rows(entries: list[ActivityEntry]) -> SafeString:
    """The `<li>` of each entry of the latest activity, as `_network_dashboard.html`'s loop
    wrote them."""
    language_tag = LanguageTag(get_language() or "")
    return mark_safe("".join(_activity_row(entry, language_tag) for entry in entries))  # noqa: S308


def _work_item(item: WorkItem) -> str:
    title = _text(item.title)
    link = f'<a href="{_text(item.url)}">{title}</a>' if item.url else f"<span>{title}</span>"
    detail = f'<br><span class="card__meta">{_text(item.detail)}</span>' if item.detail else ""
    status = ""
    if item.status:
        action = " tag--action" if item.needs_action else ""
        status = f'<br><span class="tag{action}">{_text(item.status)}</span>'
    return (
        "\n                <li>\n"
        f"                    {link}\n"
        f"                    {detail}\n"
        f"                    {status}\n"
        "                </li>\n            "
    )


def _resolved(value):
    """A lazy value (a link waiting for the screen's lookup of URLs) as the text it stands
    for, as `template_text` reads it (`conditional_escape` makes it a `str` first); any
    other value as it is."""
    return str(value) if isinstance(value, Promise) else value


def _kept_work_item(item: WorkItem) -> str:
    """`_work_item`, kept for the process (`fragments.kept_row`) when every value it writes
    is a plain `str` once a lazy one is resolved (the links of a member's meetings and
    requests are lazy): its markup is then theirs alone, in any language or time zone
    (`template_text` leaves a `str` as it is before escaping it). Anything else (a safe
    string, a lazy one standing for a safe string) is written every time. A Focal Point's
    home and the DMR's show ~16 items at network size (issue 17)."""
    values = tuple(_resolved(value) for value in (item.title, item.url, item.detail, item.status))
    if any(type(value) is not str for value in values):
        return _work_item(item)
    key = ("community.work_item", *values, bool(item.needs_action))
    title, url, detail, status = values
    plain = WorkItem(title, url, detail, status, needs_action=item.needs_action)
    return fragments.kept_row(key, lambda: _work_item(plain))


def work_items(items: list[WorkItem]) -> SafeString:
    """The `<li>` of each item of a work list, as `_work_lists.html`'s loop wrote them."""
    return mark_safe("".join(_kept_work_item(item) for item in items))  # noqa: S308
