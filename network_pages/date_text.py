"""Dates written as Django's `date` filter writes them, for lists that write many (a page's
comments, a request's 46 member states): the format read once and the month names
translated once, not for every date (issue 17)."""

from collections.abc import Callable
from datetime import datetime

from django.utils import dateformat, formats
from django.utils.dates import MONTHS
from django.utils.translation import get_language

from nfp_site import fragments
from nfp_site.dates import DAY_FIRST_FORMATS, french_first_of_month

# The format characters of the site's date formats (nfp_site/formats: "j F Y", "j F Y, H:i",
# "j F Y à H:i"), as `dateformat.format` writes them, as fields of a `str.format` template
# (argument 0 the moment, 1 its month's name); a format with any other character is left to
# `dateformat.format`.
_FIELDS = {
    "j": "{0.day}",
    "F": "{1}",
    "Y": "{0.year:04d}",
    "H": "{0.hour:02d}",
    "i": "{0.minute:02d}",
}
_FORMAT_CHARACTERS = frozenset("aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTuUwWyYzZ")


def datetime_formatter(format_string: str) -> Callable[[datetime], str]:
    """`lambda moment: dateformat.format(moment, format_string)`, many times faster for the
    listing's formats: the format read once into one `str.format` template (a request's page
    writes 46 dates, a comment listing up to 80), the month names translated once."""
    template: list[str] = []
    characters = iter(format_string)
    for character in characters:
        if character == "\\":
            character = next(characters, "")
        elif character in _FIELDS:
            template.append(_FIELDS[character])
            continue
        elif character in _FORMAT_CHARACTERS:
            return lambda moment: dateformat.format(moment, format_string)
        # A literal character: braces doubled, as `str.format` reads them.
        template.append(character.replace("{", "{{").replace("}", "}}"))
    write = "".join(template).format
    months = {number: str(name) for number, name in MONTHS.items()}
    return lambda moment: write(moment, months[moment.month])


def formatter_for(format_name: str) -> Callable[[datetime], str]:
    """As the site's `date` filter with a format's name (`nfp_site.dates`): the locale's
    format, and in French « 1er » on the first day of a month. Kept for the process per
    format and language, all it is made from (reading the format and translating twelve
    month names cost more than writing a page's 46 dates)."""
    language = get_language()
    return fragments.kept(
        ("date_text.formatter_for", format_name, language),
        lambda: _formatter(format_name, language),
    )


def _formatter(format_name: str, language: str | None) -> Callable[[datetime], str]:
    write = datetime_formatter(formats.get_format(format_name))
    if format_name in DAY_FIRST_FORMATS and (language or "").startswith("fr"):
        return lambda moment: french_first_of_month(write(moment), moment.day)
    return write
