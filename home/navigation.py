"""Section navigation for every page's header: the sections of the public DMR section (and,
through `network_pages.navigation`, those of the network area), read once per language and
kept in the cache so that a warm header costs no query. Any change to the page tree clears
them (`forget_sections`, connected in apps.py)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page
from wagtail.signals import page_published

from home.models import HomePage

CACHE_KEY = "nfp:sections:{area}:{language}"
CACHE_SECONDS = 600
# Every area that keeps its sections here (the network area's too), so that a tree change
# clears them all, in every process sharing the cache.
AREAS = ("public", "network", "landmarks")


@dataclass(frozen=True)
class SectionLink:
    title: str
    url: str
    path: str  # the treebeard path, to tell which section a page belongs to


def link_to(page: Page) -> SectionLink:
    return SectionLink(title=page.title, url=page.get_url() or "", path=page.path)


# {(area, language): its sections, or None when the cache has none}, for the request being
# served: a header asks for two or three areas, read together in one round trip.
_read: ContextVar[dict[tuple[str, str], list[SectionLink] | None] | None] = ContextVar(
    "nfp_sections_read", default=None
)


@contextmanager
def sections_read_once() -> Iterator[None]:
    """Within this block (a request), the first area asked for reads every area of its
    language from the cache at once (`get_many`: one round trip instead of one per area)."""
    token = _read.set({})
    try:
        yield
    finally:
        _read.reset(token)


def _kept_for_request(area: str, language: str) -> list[SectionLink] | None:
    read = _read.get()
    if read is None:
        return cache.get(CACHE_KEY.format(area=area, language=language))
    if (area, language) not in read:
        keys = {CACHE_KEY.format(area=each, language=language): each for each in AREAS}
        found = cache.get_many(list(keys))
        for key, each in keys.items():
            read.setdefault((each, language), found.get(key))
    return read[(area, language)]


def cached_sections(
    area: str, language: str, read: Callable[[str], list[SectionLink]]
) -> list[SectionLink]:
    sections = _kept_for_request(area, language)
    if sections is None:
        sections = read(language)
        cache.set(CACHE_KEY.format(area=area, language=language), sections, CACHE_SECONDS)
        kept = _read.get()
        if kept is not None:
            kept[(area, language)] = sections
    return sections


# Homes sit at depth 2: sections at 3, the network's sections at 4. Deeper pages (news
# items, meetings...) never appear in a header, so publishing them keeps the cache warm.
LANDMARK_DEPTH = 4


def _may_be_a_landmark(page) -> bool:
    depth = getattr(page, "depth", 0)
    return depth < LANDMARK_DEPTH or (depth == LANDMARK_DEPTH and page.show_in_menus)


def _keys(languages) -> list[str]:
    return [CACHE_KEY.format(area=area, language=code) for area in AREAS for code in languages]


def _already_listed_as_is(page, language: str) -> bool:
    """A new revision of a section that changes nothing the headers show (its title, its
    address, being in the menu): the cached lists of its language stay right."""
    if not (page.live and page.show_in_menus):
        return False
    url = page.get_url() or ""
    found = False
    for key in _keys([language]):
        for link in cache.get(key) or []:
            if link.path == page.path:
                if (link.title, link.url) != (page.title, url):
                    return False
                found = True
    return found


def forget_sections(signal=None, **kwargs) -> None:
    """Receiver for page_published, page_unpublished, post_page_move and page deletion:
    clears the cached sections when the page could be one of them. Publishing a page
    touches only its own language's lists (an alias in another language is published
    on its own, with its own signal)."""
    page = kwargs.get("instance")
    moved = "parent_page_before" in kwargs  # it may have left a landmark's place
    if not moved and page is not None and not _may_be_a_landmark(page):
        return
    kept = _read.get()
    if kept is not None:
        kept.clear()  # what this request read before the change
    if signal is page_published and page is not None:
        language = page.locale.language_code
        if not _already_listed_as_is(page, language):
            cache.delete_many(_keys([language]))
        return
    cache.delete_many(_keys([code for code, _name in settings.LANGUAGES]))


def current_section(sections: list[SectionLink], page: Page | None) -> SectionLink | None:
    """The section `page` is in: the deepest section whose path starts its own."""
    path = getattr(page, "path", None)
    if not path:
        return None
    matches = [section for section in sections if path.startswith(section.path)]
    return max(matches, key=lambda section: len(section.path), default=None)


def _read_public_sections(language: str) -> list[SectionLink]:
    home = HomePage.objects.filter(locale__language_code=language).first()
    if home is None:
        return []
    # .public(): the restricted network area is never listed among the public sections.
    return [link_to(page) for page in home.get_children().live().public().in_menu()]


def public_sections(language: str) -> list[SectionLink]:
    """The public section's indexes in the menu (news, publications, good practices)."""
    return cached_sections("public", language, _read_public_sections)


def _read_landmarks(language: str) -> list[SectionLink]:
    home = HomePage.objects.filter(locale__language_code=language).first()
    if home is None:
        return []
    pages = (
        Page.objects.descendant_of(home, inclusive=True)
        .live()
        .filter(Q(depth__lte=home.depth + 1) | Q(depth=home.depth + 2, show_in_menus=True))
        .order_by("path")
    )
    return [link_to(page) for page in pages]


def breadcrumb_trail(page: Page | None, language: str) -> list[SectionLink]:
    """The ancestors of `page` from its language's home: the home, its sections and the
    network's sections come from the cache; deeper ancestors (a thematic group above its
    updates) from the parents routing read with the page (`home.page_routing`), else in
    one query, only when there are any."""
    if not isinstance(page, Page) or page.pk is None or page.depth <= 2:
        return []
    known = {link.path: link for link in cached_sections("landmarks", language, _read_landmarks)}
    paths = [page.path[:end] for end in range(2 * Page.steplen, len(page.path), Page.steplen)]
    missing = [path for path in paths if path not in known]
    ancestor = page
    while missing and (ancestor := getattr(ancestor, "_cached_parent_obj", None)) is not None:
        if ancestor.path in missing:
            known[ancestor.path] = link_to(ancestor)
            missing.remove(ancestor.path)
    if missing:
        for ancestor in Page.objects.filter(path__in=missing):
            known[ancestor.path] = link_to(ancestor)
    return [known[path] for path in paths if path in known]
