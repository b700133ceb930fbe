from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page

from home import locales
from home.public_pages import only_public

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# Characters a search backend cannot take in a query (PostgreSQL: NUL; SQLite's full-text
# index: NUL and an unbalanced double quote). A plain-text search loses nothing without them.
UNSEARCHABLE = str.maketrans({"\x00": " ", '"': " "})


def public_pages_of_active_language():
    """Live public pages of the reader's language: never a draft, an alias or a restricted page."""
    return (
        only_public(Page.objects.live())
        .filter(locale=locales.active_locale(), depth__gt=1)
        .filter(pk__in=Page.objects.filter(alias_of__isnull=True).values("pk"))
    )


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Search the public section in the reader's language."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        terms = query.translate(UNSEARCHABLE).strip()
        pages = public_pages_of_active_language()
        hits = pages.search(terms) if terms else pages.none()
        results = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        specific = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[hit.pk for hit in results])
            .select_related("locale")
            .specific()
        }
        results.object_list = [specific[hit.pk] for hit in results if hit.pk in specific]
    return render(request, "home/search.html", {"query": query, "results": results})
