"""The `date` filter of every template, with one French rule Django's formats cannot express:
the first day of a month is « 1er » (« le 1er décembre 2026 »), the others plain numbers.

Loaded as a template builtin (settings TEMPLATES "builtins"), so it replaces Django's own
`date` filter by name and no template has to change; everything else is Django's.
"""

from django import template
from django.template.defaultfilters import date as django_date
from django.utils.translation import get_language

register = template.Library()

# Formats that start with the day of the month ("j ..."): the ones "1er" applies to.
DAY_FIRST_FORMATS = {None, "", "DATE_FORMAT", "DATETIME_FORMAT", "MONTH_DAY_FORMAT"}


def french_first_of_month(text: str, day: int) -> str:
    """« 1 décembre 2026 » → « 1er décembre 2026 »; every other day unchanged."""
    if day == 1 and text.startswith("1 "):
        return "1er " + text[2:]
    return text


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    text = django_date(value, arg)
    if text and arg in DAY_FIRST_FORMATS and (get_language() or "").startswith("fr"):
        return french_first_of_month(text, getattr(value, "day", 0))
    return text
