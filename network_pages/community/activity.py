"""The network home (4): the latest activity a member may see, their thematic groups and
what waits for them. Other apps plug in with Wagtail hooks:

    @hooks.register(activity.ACTIVITY_HOOK)
    def meeting_responses(user, limit: int) -> list[activity.ActivityEntry]: ...

    @hooks.register(activity.PENDING_TASKS_HOOK)
    def meetings_awaiting_attendance(user) -> list[activity.PendingTask]: ...

A provider returns only what `user` may see (use `visibility.pages_visible_to` or the
access rule) in a fixed number of queries.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db.models import (
    BooleanField,
    CharField,
    DateField,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext, pgettext
from wagtail import hooks
from wagtail.models import Locale, Page

from home import locales
from home.page_urls import page_urls
from network_pages import network_area
from network_pages.community import visibility
from network_pages.community.comments import audience as comment_audience
from network_pages.community.models import MemberComment, Membership, Rapporteur
from nfp_site.operations.model_loading import in_field_order, page_from_row, page_maker
from nfp_site.prepared_sql import prepared_rows

ACTIVITY_HOOK = "community_network_activity"
PENDING_TASKS_HOOK = "community_pending_tasks"
ACTIVITY_LIMIT = 15
# Candidates read per source, so that enough remain once the access rule has filtered.
OVERFETCH = 3
# The language a page's title is written in: requests and items are written by members in
# either language (4.6); read with the candidates, not in a query of its own.
WRITTEN_IN = ("informationitempage__language", "informationrequestpage__language")


@dataclass
class ActivityEntry:
    when: datetime.datetime
    label: str  # what happened, e.g. "New thematic group update"
    title: str
    url: str
    by: str = ""
    page_id: int | None = None  # the page the title is of: its language is looked up
    lang: str = ""  # the title's language, when written by a member (4.6)


@dataclass
class PendingTask:
    label: str  # e.g. "Answer the information request"
    title: str
    url: str
    due: datetime.date | None = None


class ReaderUrls:
    """Page URLs in the reader's language: the alias in their locale when there is one.

    The URLs are lazy: every page asked for until the first URL is shown is looked up at
    once, in one query, so that a screen of several lists (the network home, a state's
    record) reads the aliases once, not once per list. Share one per request (`of`)."""

    def __init__(self, request=None) -> None:
        self.request = request
        self._locale: Locale | None = None
        # Pages whose URL is asked for (`map`), looked up at the first URL shown.
        self._waiting: dict[int, Page] = {}
        # Every page asked for or expected (`expect`), in order: their translations are read
        # with another query's pages, but only the URLs asked for are worked out.
        self._asked: dict[int, Page] = {}
        self._urls: dict[int, str] = {}
        # Pages whose translation another query read with them (`known`): no lookup.
        self._targets: dict[int, Page] = {}

    @classmethod
    def of(cls, request) -> "ReaderUrls":
        """The request's own (a new one without a request)."""
        if request is None:
            return cls()
        if not hasattr(request, "_nfp_reader_urls"):
            request._nfp_reader_urls = cls(request)
        return request._nfp_reader_urls

    @property
    def locale(self) -> Locale | None:
        if self._locale is None:
            self._locale = locales.locale_for(get_language())
        return self._locale

    def map(self, pages: list[Page]) -> dict[int, str]:
        """{page id: its URL for the reader}, each read when first shown."""
        self.expect(pages)
        for page in pages:
            if page.pk not in self._urls:
                self._waiting.setdefault(page.pk, page)
        return {page.pk: _lazy_url(self, page.pk) for page in pages}

    def expect(self, pages: list[Page]) -> None:
        """Pages whose URLs may be asked for (`map`): their translations are looked up with
        the others'. A page never asked for costs no URL: the network home expects the ~45
        pages of its comment candidates and shows the links of 15 at most (issue 17)."""
        if self._locale is None:  # the reader's language now, not when the URLs are shown
            self._locale = locales.locale_for(get_language())
        for page in pages:
            if page.pk not in self._urls:
                self._asked.setdefault(page.pk, page)

    # --- the lookup, in another query of pages (the network home's new pages) ----------

    def known(self, page: Page, translation_path: str | None) -> None:
        """`page`'s translation's path was read with it (`translation_path`): its URL needs
        no lookup."""
        if translation_path and self.locale is not None and page.locale_id != self.locale.pk:
            self._targets[page.pk] = Page(url_path=translation_path)
        else:
            self._targets[page.pk] = page

    def pages_wanting_translation(self) -> list[int]:
        """The pages waiting whose translation in the reader's language is needed (one per
        translation), for another query of pages to read those translations with its own
        (at most as many as there are ids), then hand them to `found`."""
        locale = self.locale
        if locale is None:
            return []
        by_key = {
            page.translation_key: pk
            for pk, page in self._asked.items()
            if page.locale_id != locale.pk and pk not in self._targets and pk not in self._urls
        }
        return sorted(by_key.values())

    def found(self, translations: list[Page]) -> None:
        """The translations `pages_wanting_translation` asked for, read by another query: every
        page asked for or expected now has its URL without a lookup of its own (worked out
        when first shown)."""
        locale = self.locale
        if locale is None:
            return
        by_key = {page.translation_key: page for page in translations}
        for pk, page in self._asked.items():
            if page.locale_id != locale.pk and pk not in self._targets and pk not in self._urls:
                self._targets[pk] = by_key.get(page.translation_key, page)

    def _url(self, pk: int) -> str:
        if pk not in self._urls:
            self._resolve_waiting()
        return self._urls[pk]

    def _resolve_waiting(self) -> None:
        pages, self._waiting = list(self._waiting.values()), {}
        locale = self.locale
        targets = {page.pk: self._targets.get(page.pk, page) for page in pages}
        if locale is not None:
            keys = {
                page.translation_key
                for page in pages
                if page.locale_id != locale.pk and page.pk not in self._targets
            }
            if keys:
                translations = Page.objects.filter(translation_key__in=keys, locale=locale)
                by_key = {page.translation_key: page for page in translations}
                for page in pages:
                    if page.pk not in self._targets:
                        targets[page.pk] = by_key.get(page.translation_key, page)
        self._urls.update(page_urls(self.request, targets))


# One lazy type for every URL: `lazy()` builds a new proxy class at each call (about a
# millisecond), which is what a page of a few hundred links spent its time on.
_lazy_url = lazy(ReaderUrls._url, str)


def _new_page_candidates(limit: int, urls: "ReaderUrls | None" = None) -> list[Page]:
    """The latest pages published in the network area, more than `limit` (some will be
    left out by the access rule). With `urls`, each with its translation's path for the
    reader, and the translations the other pages waiting for a URL need (`urls.found`), in
    the same query: in French, the home's links then cost no query of their own.

    Every network home asks it: its SQL is compiled once per process (`prepared_sql`) for
    each network root, language and number of translations wanted, and its rows made into
    pages of the columns the activity reads (`_NEW_PAGE_FIELDS`), not of every column: at
    network size there are always 45 of them, and more translations in French."""
    root_path = network_area.source_network_root_path()
    if root_path is None:
        return []
    locale = urls.locale if urls is not None else None
    # The area is written in English: an English reader's new pages need no translation.
    translating = locale is not None and locale.language_code != settings.LANGUAGE_CODE
    wanted = urls.pages_wanting_translation() if urls is not None else []
    count = limit * OVERFETCH
    shape = partial(_new_pages, root_path, count, translating, bool(wanted))
    arguments = (locale.pk, wanted) if wanted else (locale.pk,) if translating else ()
    name = f"activity.new_pages:{root_path}:{count}:{translating}:{bool(wanted)}"
    make_page = page_maker(_NEW_PAGE_FIELDS)
    rows = [_new_page(make_page, row) for row in prepared_rows(name, shape, *arguments)]
    candidates = [page for page in rows if page.nfp_new] if wanted else rows
    if translating:
        for page in candidates:
            urls.known(page, page.nfp_translation)
    if wanted:
        urls.found([page for page in rows if not page.nfp_new])
    return candidates


def _page_fields(*extra: str) -> tuple[str, ...]:
    """The page columns the activity reads as rows (with `extra`), in the order of the
    model's fields, as `Model.from_db` takes them."""
    wanted = {
        "id",
        "path",
        "depth",
        "title",
        "live",
        "content_type_id",
        "alias_of_id",
        "translation_key",
        "locale_id",
        "url_path",
        *extra,
    }
    return in_field_order(Page, wanted)


# A new page, as far as the access rule, the entry and its link read it (the commented
# page's fields and when it was first published); then the query's own columns.
_NEW_PAGE_FIELDS = _page_fields("first_published_at")
_NEW_PAGE_COLUMNS = ("nfp_written_in", "nfp_translation", "nfp_new")


def _new_page(make_page: Callable[[tuple], Page], row: tuple) -> Page:
    page = make_page(row[: len(_NEW_PAGE_FIELDS)])
    page.nfp_written_in, page.nfp_translation, page.nfp_new = row[len(_NEW_PAGE_FIELDS) :]
    return page


def _new_pages(
    root_path: str,
    count: int,
    translating: bool,
    wanting: bool,
    locale_id: int | None = None,
    wanted: list[int] = (),
) -> QuerySet:
    """The query of `_new_page_candidates`: the `count` newest pages below the network
    root (not its sections), then, `wanting`, the translations in `locale_id` of the pages
    `wanted` (ids), first; `translating`, each with its translation's path in `locale_id`.
    As rows of `_NEW_PAGE_FIELDS` and `_NEW_PAGE_COLUMNS`."""
    root_depth = len(root_path) // Page.steplen
    new = Page.objects.filter(
        path__startswith=root_path,
        live=True,
        alias_of__isnull=True,
        depth__gt=root_depth + 1,
        first_published_at__isnull=False,
    ).order_by("-first_published_at", "-pk")
    if not wanting:
        pages = _new_page_columns(new, translating, locale_id, is_new=True)
        return pages[:count]
    # Two parts, each read by its own index (the newest by first publication, the
    # translations by translation key), not an OR that tests every page of the site. The
    # newest part's LIMIT is in a subquery, which every database takes in a UNION.
    newest = Page.objects.filter(pk__in=new.values("pk")[:count]).order_by()
    of_wanted = Page.objects.filter(pk__in=wanted).values("translation_key")
    translations = Page.objects.filter(translation_key__in=of_wanted, locale=locale_id).order_by()
    pages = _new_page_columns(translations, translating, locale_id, is_new=False).union(
        _new_page_columns(newest, translating, locale_id, is_new=True), all=True
    )
    # The translations first (False before True), then the newest pages.
    return pages.order_by("nfp_new", "-first_published_at", "-id")


def _new_page_columns(
    pages: QuerySet, translating: bool, locale_id: int | None, *, is_new: bool
) -> QuerySet:
    """`pages` as rows of `_NEW_PAGE_FIELDS` and `_NEW_PAGE_COLUMNS` (`_new_pages`)."""
    pages = pages.annotate(nfp_written_in=Coalesce(*WRITTEN_IN))
    if translating:
        translations = Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale=locale_id
        )
        pages = pages.annotate(nfp_translation=Subquery(translations.values("url_path")[:1]))
    else:
        pages = pages.annotate(nfp_translation=Value(None, output_field=CharField()))
    pages = pages.annotate(nfp_new=Value(is_new, output_field=BooleanField()))
    return pages.values_list(*_NEW_PAGE_FIELDS, *_NEW_PAGE_COLUMNS)


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
    # One label per page type, not one per page.
    new_label = gettext("New: %(type)s")
    labels: dict[int, str] = {}
    for page in visible:
        if page.content_type_id not in labels:
            labels[page.content_type_id] = new_label % {
                "type": page.specific_class._meta.verbose_name
            }
    return [
        ActivityEntry(
            when=page.first_published_at,
            label=labels[page.content_type_id],
            title=page.title,
            url=links[page.pk],
            page_id=page.pk,
            lang=getattr(page, "nfp_written_in", None) or "",
        )
        for page in visible
    ]


@dataclass
class _LatestComment:
    """What the activity shows of a comment, read as a row (`_latest_comments`)."""

    pk: int
    created_at: datetime.datetime
    parent_id: int | None
    page: Page
    by: str
    written_in: str
    # The page's id as read in the row: asked for several times per comment, where the
    # page's `pk` is a property (~45 comments at network size, issue 17).
    page_id: int


# The commented page, as far as the access rule, the comment audience and the link read it.
_COMMENT_PAGE_FIELDS = _page_fields()
_AUTHOR_FIELDS = ("author_id", "author__first_name", "author__last_name", "author__username")


def _comment_candidates(limit: int) -> list[_LatestComment]:
    # Every network home asks it: its SQL is compiled once per process (`prepared_sql`),
    # its rows made into no comment or user, and into one page per page commented.
    rows = prepared_rows(
        f"activity.comment_candidates:{limit}", lambda: _latest_comments(limit * OVERFETCH)
    )
    pages: dict[int, Page] = {}
    make_page = page_maker(_COMMENT_PAGE_FIELDS)
    comments = []
    for pk, created_at, parent_id, *row in rows:
        page_values = row[: len(_COMMENT_PAGE_FIELDS)]
        author_id, first_name, last_name, username, written_in = row[len(_COMMENT_PAGE_FIELDS) :]
        page_id = page_values[0]
        if page_id not in pages:
            pages[page_id] = make_page(page_values)
        # As `user.get_full_name() or user.get_username()`.
        by = (f"{first_name} {last_name}".strip() or username) if author_id is not None else ""
        comments.append(
            _LatestComment(pk, created_at, parent_id, pages[page_id], by, written_in or "", page_id)
        )
    return comments


def _latest_comments(count: int) -> QuerySet:
    newest_first = ("-created_at", "-pk")
    # The latest comments first, then their pages and authors: joined before the LIMIT,
    # PostgreSQL may join every comment ever written to keep 45 (0.4 s at network size).
    latest = MemberComment.objects.shown().order_by(*newest_first).values("pk")
    return (
        MemberComment.objects.filter(pk__in=latest[:count])
        .annotate(nfp_written_in=Coalesce(*(f"page__{field}" for field in WRITTEN_IN)))
        .order_by(*newest_first)
        .values_list(
            "pk",
            "created_at",
            "parent_id",
            *(f"page__{field}" for field in _COMMENT_PAGE_FIELDS),
            *_AUTHOR_FIELDS,
            "nfp_written_in",
        )
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
    # The audience's rule asked once per audience, not once per page (a few audiences for
    # the ~45 pages commented at network size).
    # (Keyed by identity: hashing an audience would translate its notices.)
    included: dict[int, bool] = {}
    visible = set()
    for page in _visible_pages(user, pages, restrictions):
        if not page.live:
            continue
        page_audience = audiences[page.pk]
        if id(page_audience) not in included:
            included[id(page_audience)] = page_audience.includes(user)
        if included[id(page_audience)]:
            visible.add(page.pk)
    comments = [comment for comment in comments if comment.page_id in visible][:limit]
    links = urls.map(list({c.page_id: c.page for c in comments}.values()))
    reply, comment_label = pgettext("kind of activity", "Reply"), gettext("Comment")
    return [
        ActivityEntry(
            when=comment.created_at,
            label=reply if comment.parent_id else comment_label,
            title=comment.page.title,
            url=format_lazy("{}#comments", links[comment.page_id]),
            by=comment.by,
            page_id=comment.page_id,
            lang=comment.written_in,
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


def _title_languages(entries: list[ActivityEntry]) -> None:
    """Each entry's `lang`: the language of the request or information item its title is
    of (written by members in either language, 4.6), in one query for all of them."""
    page_ids = {entry.page_id for entry in entries if entry.page_id and not entry.lang}
    if not page_ids:
        return
    written = (
        Page.objects.filter(pk__in=page_ids)
        .annotate(
            written_in=Coalesce("informationitempage__language", "informationrequestpage__language")
        )
        .exclude(written_in__isnull=True)
        .values_list("pk", "written_in")
    )
    languages = dict(written)
    for entry in entries:
        entry.lang = entry.lang or languages.get(entry.page_id, "")


def pending_tasks_for(user) -> list[PendingTask]:
    """What waits for the user (requests to answer, attendance to confirm...), from the
    providers other apps register."""
    if not user.is_authenticated:
        return []
    tasks: list[PendingTask] = []
    for provider in hooks.get_hooks(PENDING_TASKS_HOOK):
        tasks.extend(provider(user))
    tasks.sort(key=lambda task: (task.due is None, task.due or datetime.date.max))
    return tasks


@dataclass
class GroupRole:
    title: str
    url: str
    role: str


# The columns of the reader's groups and terms, read together (`groups_of`).
_GROUP_COLUMNS = (
    "nfp_kind",
    "nfp_order",
    "nfp_since",
    "nfp_group",
    "nfp_title",
    "nfp_theme",
    "nfp_key",
    "nfp_locale",
    "nfp_path",
)
_MEMBER, _RAPPORTEUR = 0, 1


def _group_columns(queryset, kind: int, group: str, order: str, since, theme):
    """`queryset` (memberships or rapporteur terms) as the rows of `_GROUP_COLUMNS`."""
    return (
        queryset.order_by()
        .annotate(
            nfp_kind=Value(kind),
            nfp_order=order,
            nfp_since=since,
            nfp_group=F(f"{group}_id"),
            nfp_title=F(f"{group}__title"),
            nfp_theme=theme,
            nfp_key=F(f"{group}__translation_key"),
            nfp_locale=F(f"{group}__locale_id"),
            nfp_path=F(f"{group}__url_path"),
        )
        .values_list(*_GROUP_COLUMNS)
    )


def _groups_and_terms(user_id: int, today: datetime.date):
    no_date = Value(None, output_field=DateField())
    memberships = _group_columns(
        Membership.objects.filter(user=user_id),
        _MEMBER,
        "group",
        order=F("group__title"),
        since=no_date,
        theme=Value(""),
    )
    terms = _group_columns(
        Rapporteur.objects.current(today).filter(user=user_id),
        _RAPPORTEUR,
        "thematic_group",
        order=Value(""),
        since=F("start_date"),
        theme=F("theme"),
    )
    return memberships.union(terms, all=True).order_by(
        "nfp_kind", "nfp_order", F("nfp_since").desc(), "nfp_group"
    )


# A group's page, as far as its link needs it (made of the row, `page_from_row`).
_GROUP_PAGE_FIELDS = in_field_order(
    Page, ("id", "title", "translation_key", "locale_id", "url_path")
)


def _in_field_order(group: int, title: str, key, locale: int, path: str) -> tuple:
    found = {"id": group, "title": title, "translation_key": key, "locale_id": locale}
    found["url_path"] = path
    return tuple(found[name] for name in _GROUP_PAGE_FIELDS)


def groups_of(user, request=None, urls: ReaderUrls | None = None) -> list[GroupRole]:
    """The thematic groups the user belongs to (by title), then their current rapporteur
    terms (the latest first): one query for both, with what each group's link needs."""
    if not user.is_authenticated:
        return []
    # Every network home asks it: its SQL is compiled once per process (`prepared_sql`).
    rows = prepared_rows("activity.groups_of", _groups_and_terms, user.pk, timezone.localdate())
    # The group pages, as far as their links need them (ReaderUrls reads the rest).
    pages = {
        group: page_from_row(_GROUP_PAGE_FIELDS, _in_field_order(group, title, key, locale, path))
        for _kind, _order, _since, group, title, _theme, key, locale, path in rows
        if group is not None
    }
    links = (urls or ReaderUrls.of(request)).map(list(pages.values()))
    return [
        GroupRole(
            title=title if group is not None else theme,
            url=links.get(group, "") if group is not None else "",
            role=gettext("Member") if kind == _MEMBER else gettext("Thematic rapporteur"),
        )
        for kind, _order, _since, group, title, theme, _key, _locale, _path in rows
    ]
