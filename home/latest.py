"""The latest publications, news and good practices on the public home, in the reader's
language: read once per language and kept in the cache until a page is published,
unpublished, moved or deleted (connected in apps.py)."""

from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from home.models import HomePage, PublicIndexPage
from nfp_site import fragments

CACHE_KEY = "nfp:latest:{generation}:{home}"
# Bumped by any change to the tree: every home's cached list is then stale at once.
GENERATION_KEY = "nfp:latest:generation"
CACHE_SECONDS = 600
PER_SECTION = 3
SECTION_TEMPLATE = "home/_latest_section.html"


@dataclass(frozen=True)
class LatestItem:
    title: str
    url: str
    date: object
    intro: str


@dataclass(frozen=True)
class LatestSection:
    key: int
    title: str
    url: str
    items: tuple[LatestItem, ...]

    @property
    def html(self) -> SafeString:
        """The section as the home page shows it, written once per process (issue 17): kept
        under everything it is written from (its title, address and items, the language,
        the script prefix), so nothing invalidates it; an item renamed, redated or moved,
        or a newer one, makes another section."""
        key = (SECTION_TEMPLATE, get_language(), get_script_prefix(), self)
        return fragments.kept_row(
            key, lambda: get_template(SECTION_TEMPLATE).render({"section": self})
        )


def _read(home: HomePage) -> list[LatestSection]:
    sections = []
    for index in home.get_children().live().public().in_menu().specific():
        if not isinstance(index, PublicIndexPage):
            continue
        items = tuple(
            LatestItem(item.title, item.get_url() or "", item.date, item.intro)
            for item in index.items()[:PER_SECTION]
        )
        if items:
            sections.append(LatestSection(index.pk, index.title, index.get_url() or "", items))
    return sections


def latest_for(home: HomePage) -> list[LatestSection]:
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    key = CACHE_KEY.format(generation=generation, home=home.pk)
    sections = cache.get(key)
    if sections is None:
        sections = _read(home)
        cache.set(key, sections, CACHE_SECONDS)
    return sections


def forget_latest(**kwargs) -> None:
    """Receiver for page_published, page_unpublished, post_page_move and page deletion."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (yet, or any more): start a new generation
        cache.set(GENERATION_KEY, 2, None)
