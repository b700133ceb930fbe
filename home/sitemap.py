"""sitemap.xml for the whole public section, both languages, with hreflang alternates.

Wagtail's own sitemap covers one site root's tree; ours lists every live public page of
every locale, each with links to its live translations (`xhtml:link rel="alternate"`).
"""

from collections import defaultdict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page

from home.page_cache import public_view
from home.public_pages import only_public


@require_GET
@public_view
def sitemap(request: HttpRequest) -> HttpResponse:
    pages = list(
        only_public(Page.objects.live())
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )
    urls = {}
    for page in pages:
        url = page.get_url(request)
        if url:
            urls[page.pk] = request.build_absolute_uri(url)
    translations = defaultdict(list)
    for page in pages:
        if page.pk in urls:
            translations[page.translation_key].append(page)
    entries = [
        {
            "loc": urls[page.pk],
            "lastmod": page.last_published_at,
            "alternates": [
                (other.locale.language_code, urls[other.pk])
                for other in translations[page.translation_key]
            ]
            if len(translations[page.translation_key]) > 1
            else [],
        }
        for page in pages
        if page.pk in urls
    ]
    return render(request, "home/sitemap.xml", {"entries": entries}, content_type="application/xml")
