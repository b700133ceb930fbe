"""When a meeting takes place, in the reader's language and Paris time:

{% load meeting_when %}
{% meeting_when meeting %}   "3 March 2027, 9:30–17:00 (Paris time)", or "from … to …"

A tag, not an included template: a meetings index writes it for every meeting it lists,
and the template engine's filters and translation tags cost ten times this (issue 17).
"""

from datetime import datetime
from functools import lru_cache

from django import template
from django.utils import dateformat, formats, timezone
from django.utils.translation import get_language, gettext

register = template.Library()


@register.simple_tag
def meeting_when(meeting) -> str:
    """The meeting's (or a snapshot's) opening and closing, as the page shows them."""
    return when_text(meeting.opening, meeting.closing)


def when_text(opening: datetime, closing: datetime) -> str:
    """One day: the day with both times; over several days: both dates and times. Both in
    the current time zone, as the `|date` filter gives them."""
    # The same meetings are listed again and again (40 on a meetings index): the text is
    # kept for its times, language and time zone (formatting one costs ~0.1-0.3 ms).
    return _when_text(opening, closing, get_language(), timezone.get_current_timezone_name())


@lru_cache(maxsize=4096)
def _when_text(opening: datetime, closing: datetime, _language: str, _zone: str) -> str:
    opening, closing = timezone.localtime(opening), timezone.localtime(closing)
    if opening.date() == closing.date():
        text = gettext("%(day)s, %(start)s–%(end)s") % {
            "day": dateformat.format(opening, formats.get_format("DATE_FORMAT")),
            "start": dateformat.time_format(opening, formats.get_format("TIME_FORMAT")),
            "end": dateformat.time_format(closing, formats.get_format("TIME_FORMAT")),
        }
    else:
        moment = formats.get_format("DATETIME_FORMAT")
        text = gettext("from %(start)s to %(end)s") % {
            "start": dateformat.format(opening, moment),
            "end": dateformat.format(closing, moment),
        }
    paris = gettext("(Paris time)")
    return f"{text} {paris}"
