"""The cards of a public index: each item's title, date, summary and address, read as one
row of five columns rather than as a whole page, and each card's HTML kept per process
(issue 17).

A page of an index at network size holds ten items where the demo holds one; made as pages
and written by the template, each cost its model's dozens of fields, its body's JSON and a
dozen template nodes, and the list cost 1.4–1.8× the demo's. The address is Wagtail's own,
built for all the cards at once from their `url_path` (`page_urls`). A card is kept under
everything it is written from (its four values, the language, the script prefix), so nothing
invalidates it: a page renamed, redated or moved is another key.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.core import paginator
from django.http import HttpRequest
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from home.page_urls import Address, page_urls
from nfp_site import fragments

# What a card shows, in the order of `values_list`.
COLUMNS = ("id", "url_path", "title", "date", "intro")
CARD_TEMPLATE = "home/_index_card.html"
PAGINATION_TEMPLATE = "home/_pagination.html"


class Card(NamedTuple):
    """Everything a card is written from, hence the key its HTML is kept under (a tuple:
    made, hashed and compared ten times a page)."""

    title: str
    date: datetime.date
    intro: str
    url: str
    # What `{{ item.date }}` and the address depend on, read once for the whole list.
    language: str
    script_prefix: str

    @property
    def html(self) -> SafeString:
        return fragments.kept_row(
            (CARD_TEMPLATE, self), lambda: get_template(CARD_TEMPLATE).render({"item": self})
        )


def cards(rows: Iterable[tuple], request: HttpRequest) -> list[Card]:
    """A card for each row of `COLUMNS`, its address relative to the request's site (all
    built at once, `page_urls`)."""
    rows = list(rows)
    urls = page_urls(request, {row[0]: Address(row[0], row[1]) for row in rows})
    language, prefix = get_language(), get_script_prefix()
    return [
        Card(title, date, intro, urls[pk], language, prefix)
        for pk, _url_path, title, date, intro in rows
    ]


@dataclass(frozen=True)
class PageLinks:
    """What `home/_pagination.html` reads of a page of a list (Django's paginator `Page`),
    as Django computes it: the number of the page and of pages decide it all."""

    number: int
    num_pages: int

    @property
    def paginator(self) -> "PageLinks":
        return self

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.has_previous() or self.has_next()

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def pagination(page: paginator.Page) -> SafeString:
    """`home/_pagination.html` for a page of an index (no search query), written once per
    process for each page number, number of pages and language (`render_once`)."""
    links = PageLinks(page.number, page.paginator.num_pages)
    return fragments.render_once(PAGINATION_TEMPLATE, page_obj=links)
