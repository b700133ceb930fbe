"""The network home's latest activity as main built it before the activity was read as
rows and its links from the site root paths (issue 17), kept verbatim to compare the
rendered HTML with (`test_network_activity_html.py`). Not used by the site."""

# ruff: noqa: E501
from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext, pgettext
from wagtail import hooks
from wagtail.models import Page

from home import locales, site_lookup
from network_pages import network_area
from network_pages.community import visibility
from network_pages.community.activity import (
    ACTIVITY_HOOK,
    ACTIVITY_LIMIT,
    OVERFETCH,
    WRITTEN_IN,
    ActivityEntry,
    ReaderUrls,
    _lazy_url,
    _title_languages,
)
from network_pages.community.comments import audience as comment_audience
from network_pages.community.models import MemberComment
from nfp_site.prepared_sql import prepared_objects


# ReaderUrls._resolve_waiting
def _resolve_waiting(self, translations: list[Page] | None = None) -> None:
    pages, self._waiting = list(self._waiting.values()), {}
    locale = self.locale
    targets = {page.pk: self._targets.get(page.pk, page) for page in pages}
    if locale is not None:
        keys = {
            page.translation_key
            for page in pages
            if page.locale_id != locale.pk and page.pk not in self._targets
        }
        if keys and translations is None:
            translations = Page.objects.filter(translation_key__in=keys, locale=locale)
        if keys:
            by_key = {page.translation_key: page for page in translations}
            for page in pages:
                if page.pk not in self._targets:
                    targets[page.pk] = by_key.get(page.translation_key, page)
    if self.request is not None:
        site_lookup.find_for_request(self.request)  # the site without a query
    for pk, target in targets.items():
        self._urls[pk] = target.get_url(self.request) or ""


# ReaderUrls.expect, before the pages expected (not asked for) were kept apart from the
# pages whose URLs are worked out
def expect(self, pages: list[Page]) -> None:
    """Pages whose URLs will be asked for: looked up with the others."""
    if self._locale is None:  # the reader's language now, not when the URLs are shown
        self._locale = locales.locale_for(get_language())
    for page in pages:
        if page.pk not in self._urls:
            self._waiting.setdefault(page.pk, page)


# ReaderUrls.map, as it was then
def map_urls(self, pages: list[Page]) -> dict[int, str]:
    """{page id: its URL for the reader}, each read when first shown."""
    self.expect(pages)
    return {page.pk: _lazy_url(self, page.pk) for page in pages}


# ReaderUrls.found, as it was then
def found(self, translations: list[Page]) -> None:
    """The translations `pages_wanting_translation` asked for, read by another query: every
    page waiting now has its URL without a lookup of its own."""
    self._resolve_waiting(translations)


# ReaderUrls.translation_path
def translation_path(self) -> Subquery:
    """An annotation for a query of pages: the path of each one's translation in the
    reader's language (None if it has none), for `known`."""
    translations = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=self.locale
    )
    return Subquery(translations.values("url_path")[:1])


# ReaderUrls.translations_wanted
def translations_wanted(self) -> tuple[Q, int] | None:
    """The translations the pages waiting need, as a condition another query of pages
    can add (at most the number given match it), then handed to `found`; None when no
    page waiting needs one."""
    locale = self.locale
    if locale is None:
        return None
    keys = {
        page.translation_key
        for pk, page in self._waiting.items()
        if page.locale_id != locale.pk and pk not in self._targets
    }
    return (Q(translation_key__in=keys, locale=locale), len(keys)) if keys else None


def _name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _new_page_candidates(limit: int, urls: "ReaderUrls | None" = None) -> list[Page]:
    """The latest pages published in the network area, more than `limit` (some will be
    left out by the access rule). With `urls`, each with its translation's path for the
    reader, and the translations the other pages waiting for a URL need (`urls.found`), in
    the same query: in French, the home's links then cost no query of their own."""
    root_path = network_area.source_network_root_path()
    if root_path is None:
        return []
    root_depth = len(root_path) // Page.steplen
    new = Q(
        path__startswith=root_path,
        live=True,
        alias_of__isnull=True,
        depth__gt=root_depth + 1,
        first_published_at__isnull=False,
    )
    wanted = translations_wanted(urls) if urls is not None else None
    condition, extra = (new | wanted[0], wanted[1]) if wanted else (new, 0)
    pages = Page.objects.filter(condition).annotate(nfp_written_in=Coalesce(*WRITTEN_IN))
    # The area is written in English: an English reader's new pages need no translation.
    translating = urls is not None and urls.locale is not None
    translating = translating and urls.locale.language_code != settings.LANGUAGE_CODE
    if translating:
        pages = pages.annotate(nfp_translation=translation_path(urls))
    if wanted:
        pages = pages.annotate(nfp_new=ExpressionWrapper(new, output_field=BooleanField()))
        # The translations first (False before True), then the newest pages.
        pages = pages.order_by("nfp_new", "-first_published_at", "-pk")
    else:
        pages = pages.order_by("-first_published_at", "-pk")
    rows = list(pages[: limit * OVERFETCH + extra])
    candidates = [page for page in rows if page.nfp_new] if wanted else rows
    if translating:
        for page in candidates:
            urls.known(page, page.nfp_translation)
    if wanted:
        urls.found([page for page in rows if not page.nfp_new])
    return candidates


def _visible_pages(user, pages: list[Page], restrictions=None) -> list[Page]:
    if restrictions is None:
        return visibility.pages_visible_to(user, pages)
    return visibility.visible_among(user, pages, restrictions)


def new_pages(
    user, limit: int, urls: ReaderUrls, candidates=None, restrictions=None
) -> list[ActivityEntry]:
    """New pages in the network area (meetings, requests, items, updates...), by first
    publication; the sections themselves (the root's children) are not news."""
    if candidates is None:
        candidates = _new_page_candidates(limit)
    visible = _visible_pages(user, candidates, restrictions)[:limit]
    links = urls.map(visible)
    return [
        ActivityEntry(
            when=page.first_published_at,
            label=gettext("New: %(type)s") % {"type": page.specific_class._meta.verbose_name},
            title=page.title,
            url=links[page.pk],
            page_id=page.pk,
            lang=getattr(page, "nfp_written_in", None) or "",
        )
        for page in visible
    ]


def _comment_candidates(limit: int) -> list[MemberComment]:
    # Every network home asks it: its SQL is compiled once per process (`prepared_sql`).
    return prepared_objects(
        f"activity_before.comment_candidates:{limit}", lambda: _latest_comments(limit * OVERFETCH)
    )


def _latest_comments(count: int) -> QuerySet:
    newest_first = ("-created_at", "-pk")
    # The latest comments first, then their pages and authors: joined before the LIMIT,
    # PostgreSQL may join every comment ever written to keep 45 (0.4 s at network size).
    latest = MemberComment.objects.shown().order_by(*newest_first).values("pk")
    return (
        MemberComment.objects.filter(pk__in=latest[:count])
        .select_related("page", "author")
        .annotate(nfp_written_in=Coalesce(*(f"page__{field}" for field in WRITTEN_IN)))
        .order_by(*newest_first)
    )


def recent_comments(
    user, limit: int, urls: ReaderUrls, comments=None, restrictions=None
) -> list[ActivityEntry]:
    """Comments shown on pages the user may see (never deleted or hidden ones)."""
    if comments is None:
        comments = _comment_candidates(limit)
    pages = list({comment.page_id: comment.page for comment in comments}.values())
    # Only comments the user may read: the page open to them and they in its audience.
    audiences = comment_audience.audiences_of(pages)
    visible = {
        page.pk
        for page in _visible_pages(user, pages, restrictions)
        if page.live and audiences[page.pk].includes(user)
    }
    comments = [comment for comment in comments if comment.page_id in visible][:limit]
    links = urls.map(list({c.page_id: c.page for c in comments}.values()))
    return [
        ActivityEntry(
            when=comment.created_at,
            label=pgettext("kind of activity", "Reply")
            if comment.parent_id
            else gettext("Comment"),
            title=comment.page.title,
            url=format_lazy("{}#comments", links[comment.page_id]),
            by=_name(comment.author),
            page_id=comment.page_id,
            lang=getattr(comment, "nfp_written_in", None) or "",
        )
        for comment in comments
    ]


def network_activity_for(
    user, limit: int = ACTIVITY_LIMIT, request=None, urls: ReaderUrls | None = None
) -> list[ActivityEntry]:
    """The latest activity the user may see, newest first, from every provider."""
    if not user.is_authenticated:
        return []
    urls = urls or ReaderUrls.of(request)
    comments = _comment_candidates(limit)
    # The commented pages' links are looked up with the others, in the new pages' query.
    urls.expect([comment.page for comment in comments])
    candidates = _new_page_candidates(limit, urls)
    # The restrictions of the new pages and of the commented ones, read together.
    restrictions = visibility.restrictions_by_page(
        list({page.pk: page for page in candidates + [c.page for c in comments]}.values())
    )
    entries = [
        *new_pages(user, limit, urls, candidates, restrictions),
        *recent_comments(user, limit, urls, comments, restrictions),
    ]
    provided = [
        entry for provider in hooks.get_hooks(ACTIVITY_HOOK) for entry in provider(user, limit)
    ]
    entries += provided
    entries.sort(key=lambda entry: entry.when, reverse=True)
    entries = entries[:limit]
    # The pages' and comments' languages came with them; other providers' are looked up.
    provided_ids = {id(entry) for entry in provided}
    _title_languages([entry for entry in entries if id(entry) in provided_ids])
    return entries
