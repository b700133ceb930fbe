"""A CDN in front of the site forgets what changed, through Wagtail's frontend cache module.

Only when a purge address is configured (settings.WAGTAILFRONTENDCACHE, from
NFP_FRONTEND_CACHE_PURGE_URL): otherwise nothing is computed or queued. A change to a page
also changes the listings above it, the sitemap and the feeds, so those are purged too.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, Site


def is_configured() -> bool:
    return bool(settings.WAGTAILFRONTENDCACHE)


def _site_wide_urls() -> list[str]:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    urls = [f"{site.root_url}{reverse('sitemap')}"]
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            urls.append(f"{site.root_url}{reverse('feed')}")
    return urls


def page_urls(pages: list[Page]) -> list[str]:
    """Each page's URL and its ancestors' (the listings and home pages that show it)."""
    urls: set[str] = set()
    for page in pages:
        for shown in [*page.get_ancestors().filter(depth__gt=1), page]:
            url = shown.get_full_url()
            if url:
                urls.add(url)
    return sorted(urls)


def purge(pages: list[Page], *, subtree: bool = False) -> None:
    """Purge `pages` (with everything below them when `subtree`), the pages listing them,
    the sitemap and the feeds."""
    if not is_configured():
        return
    if subtree:
        pages = [
            descendant for page in pages for descendant in page.get_descendants(inclusive=True)
        ]
    purge_urls_from_cache([*page_urls(pages), *_site_wide_urls()])
