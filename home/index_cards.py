"""The cards of a public index: each item's title, date, summary and address, read as one
row of five columns rather than as a whole page, and each card's HTML kept per process
(issue 17).

A page of an index at network size holds ten items where the demo holds one; made as pages
and written by the template, each cost its model's dozens of fields, its body's JSON and a
dozen template nodes, and the list cost 1.4–1.8× the demo's. The address is Wagtail's own
(`Page.get_url` needs only the page's `url_path`). A card is kept under everything it is
written from (its four values, the language, the script prefix), so nothing invalidates it:
a page renamed, redated or moved is another key.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from wagtail.models import Page

from nfp_site import fragments
from nfp_site.operations.model_loading import in_field_order, page_from_row

# What a card shows, in the order of `values_list`.
COLUMNS = ("id", "url_path", "title", "date", "intro")
CARD_TEMPLATE = "home/_index_card.html"
_ADDRESS_COLUMNS = in_field_order(Page, ("id", "url_path"))


@dataclass(frozen=True)
class Card:
    title: str
    date: datetime.date
    intro: str
    url: str

    @property
    def html(self) -> SafeString:
        key = (CARD_TEMPLATE, get_language(), get_script_prefix(), self)
        return fragments.kept_row(key, lambda: get_template(CARD_TEMPLATE).render({"item": self}))


def cards(rows: Iterable[tuple], request: HttpRequest) -> list[Card]:
    """A card for each row of `COLUMNS`, its address relative to the request's site."""
    return [
        Card(title, date, intro, page_from_row(_ADDRESS_COLUMNS, (pk, url_path)).get_url(request))
        for pk, url_path, title, date, intro in rows
    ]
