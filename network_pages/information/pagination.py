"""`information/_pagination.html`, the page links of the network's lists, written without
the page's context (issue 17: its `{% blocktranslate %}` alone cost a long list ~0.3 ms).

Without a filter (no query string to repeat in the links) it is the same for every reader
of the same page number, number of pages and language: written once per process for each
(`fragments.render_once`, whose key holds those and the language). A filtered list's query
is the reader's own text: written each time, never kept (a key per query would let anyone
empty the shared store)."""

from django.core.paginator import Page
from django.template.loader import get_template
from django.utils.safestring import SafeString

from home.index_cards import PageLinks
from nfp_site import fragments

TEMPLATE = "information/_pagination.html"


def pagination(page: Page, query: str) -> SafeString:
    """The template's markup for `page`, its links repeating `query` (already URL-encoded)."""
    links = PageLinks(page.number, page.paginator.num_pages)
    if query:
        return SafeString(get_template(TEMPLATE).render({"page_obj": links, "query": query}))
    return fragments.render_once(TEMPLATE, page_obj=links, query="")
