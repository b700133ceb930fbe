"""The request's page view and the listing's date writer as they were before the matrix's
dates were written with the reader's time zone read once and a kept formatter (issue 17),
kept verbatim (but for their names) for `test_request_page_as_before.py`."""

from collections.abc import Callable
from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import dateformat, formats, timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language, gettext
from wagtail.models import Site

from network_pages import access, network_area
from network_pages.information import rules
from network_pages.information.overview import build_overview
from network_pages.information.views.base import render_route
from nfp_site.dates import DAY_FIRST_FORMATS, french_first_of_month

# The format characters of the site's date formats (nfp_site/formats: "j F Y", "j F Y, H:i",
# "j F Y à H:i"), written as `dateformat.format` writes them; a format with any other
# character is left to `dateformat.format`.
_PARTS: dict[str, Callable[[datetime, dict], str]] = {
    "j": lambda moment, months: str(moment.day),
    "F": lambda moment, months: months[moment.month],
    "Y": lambda moment, months: f"{moment.year:04d}",
    "H": lambda moment, months: f"{moment.hour:02d}",
    "i": lambda moment, months: f"{moment.minute:02d}",
}
_FORMAT_CHARACTERS = frozenset("aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTuUwWyYzZ")


def old_datetime_formatter(format_string: str) -> Callable[[datetime], str]:
    """`lambda moment: dateformat.format(moment, format_string)`, about ten times faster for
    the listing's formats: the format read once, the month names translated once."""
    pieces: list[str | Callable] = []
    characters = iter(format_string)
    for character in characters:
        if character == "\\":
            pieces.append(next(characters, ""))
        elif character in _PARTS:
            pieces.append(_PARTS[character])
        elif character in _FORMAT_CHARACTERS:
            return lambda moment: dateformat.format(moment, format_string)
        else:
            pieces.append(character)
    months = {number: str(name) for number, name in MONTHS.items()}
    return lambda moment: "".join(
        piece if isinstance(piece, str) else piece(moment, months) for piece in pieces
    )


def old_formatter_for(format_name: str) -> Callable[[datetime], str]:
    """As the site's `date` filter with a format's name (`nfp_site.dates`): the locale's
    format, and in French « 1er » on the first day of a month."""
    write = old_datetime_formatter(formats.get_format(format_name))
    if format_name in DAY_FIRST_FORMATS and (get_language() or "").startswith("fr"):
        return lambda moment: french_first_of_month(write(moment), moment.day)
    return write


def old_request_detail(request: HttpRequest, page) -> HttpResponse:
    """The request, its numbered questions, and the overview of the 46 member states."""
    source = network_area.source_of(page)
    overview = build_overview(source)
    own_state = rules.represented_state(request.user)
    own_row = overview.row_for(own_state)
    is_dmr = access.is_dmr(request.user)
    # The page's own address, the date format and the link's words once, not once per
    # state (`{% routablepageurl %}`, `|date`, `{% blocktranslate %}` each).
    base = page.relative_url(Site.find_for_request(request), request).rstrip("/") + "/"
    responses = base + page.reverse_subpage("response", args=["-"]).removesuffix("-/")
    write_date = old_formatter_for("DATE_FORMAT")
    read_label = gettext("Read the response of %(state)s")
    for row in overview.rows:
        row.readable = row.response is not None and (
            row.response.is_submitted or is_dmr or (own_row is not None and row is own_row)
        )
        if row.response is not None:
            changed = timezone.localtime(row.response.updated_at)
            row.changed_iso, row.changed_label = changed.isoformat(), write_date(changed)
        if row.readable:
            row.response_url = f"{responses}{row.state.code}/"
            row.read_label = read_label % {"state": row.state.name}
    return render_route(
        page,
        request,
        "information/information_request_page.html",
        request_page=source,
        questions=source.numbered_questions(),
        overview=overview,
        own_state=own_state,
        own_row=own_row,
        lock=rules.lock_of(source, own_row.response if own_row else None),
        # The requesting state among those the overview read: no query of its own (a
        # request from the DMR has none, which reads nothing either).
        requester_state=overview.state_with_pk(source.member_state_id) or source.member_state,
        requester=source.requested_by,
    )
