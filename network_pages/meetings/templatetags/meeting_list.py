"""The rows of a meetings index's lists, written in Python:

{% load meeting_list %}
{% meeting_items meetings meetings_url %}

Same markup as the template it replaces: the template engine cost ~0.3 ms per meeting
(two choice labels, a translation, the time), and an index lists 40 (issue 17). Each
meeting is a row of `MeetingIndexPage.LISTED_COLUMNS`; its address is the index's
(`meetings_url`) and its slug.

Each row is kept for the process (`fragments.kept_row`) under everything it is written
from: the language and time zone, the index's address and the row's columns. Every value
is plain text, escaped as Django's `escape` does (the standard library's `html.escape`,
quotes included). `tests/meetings/test_meetings_index_as_before.py` compares the page with
the template's, byte for byte."""

from functools import cached_property
from html import escape

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from network_pages.meetings.models import MeetingPage
from nfp_site import fragments

from .meeting_when import when_text

register = template.Library()


def _labels(field_name: str) -> dict:
    """{value: escaped label} of a choice field, in the current language
    (get_FOO_display's)."""
    field = MeetingPage._meta.get_field(field_name)
    return {value: escape(str(label)) for value, label in field.flatchoices}


class _Words:
    """What every row writes the same, read only when a row is written (not kept)."""

    @cached_property
    def kinds(self) -> dict:
        return _labels("kind")

    @cached_property
    def statuses(self) -> dict:
        return _labels("status")

    @cached_property
    def status(self) -> str:
        return escape(gettext("Status:"))


def _row(meeting, url: str, words: _Words) -> str:
    kind = words.kinds.get(meeting.kind, escape(meeting.kind))
    status = words.statuses.get(meeting.status, escape(meeting.status))
    venue = f" · {escape(meeting.venue)}" if meeting.venue else ""
    return (
        "\n    <li>\n"
        f'        <a href="{escape(url)}">{escape(meeting.title)}</a>\n'
        f'        <span class="meeting-kind">{kind}</span> ·\n'
        f"        {escape(when_text(meeting.opening, meeting.closing))}{venue}\n"
        f'        · <span class="meeting-status">{words.status} {status}</span>\n'
        "    </li>\n    "
    )


@register.simple_tag
def meeting_items(meetings, meetings_url: str) -> SafeString:
    words = _Words()
    language, zone = get_language(), timezone.get_current_timezone_name()
    rows = []
    for meeting in meetings:
        url = f"{meetings_url}{meeting.slug}/"
        key = (
            "meetings.index_row",
            language,
            zone,
            url,
            meeting.title,
            meeting.kind,
            meeting.opening,
            meeting.closing,
            meeting.venue,
            meeting.status,
        )
        rows.append(fragments.kept_row(key, lambda m=meeting, u=url: _row(m, u, words)))
    return SafeString("".join(rows))
