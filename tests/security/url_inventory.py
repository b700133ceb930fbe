"""Every URL pattern the project exposes, and the access class each one answers to.

A new view (a URLconf pattern or a route of a routable page type) fails the matrix until it
is classified here and a probe of the marked site requests it.
"""

import re
from collections.abc import Iterator
from enum import StrEnum

from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

ADMIN_PREFIX = "admin/"
# Wagtail's catch-all: every page and every route of a routable page.
WAGTAIL_PAGES = r"((?:[\w\-]+/)*)$"
LANGUAGE_PREFIX = re.compile(r"^(en|fr)/")


class Access(StrEnum):
    PUBLIC = "public: anyone, never any network content"
    HEALTH = "health check: anyone, says nothing but ok"
    ACCOUNT_STEP = "sign-in steps: anyone, each step for its own session only"
    SHARED_PASSWORD_FORM = "Wagtail's shared-password forms: gone (410), for everyone"
    NETWORK_PERSON = "a verified member or guest of the network"
    NETWORK_MEMBER = "a verified member of the network (not a guest)"
    NETWORK_MEMBER_OWNER = "a verified member, then POST only, then the action's owner"
    MEMBER = "a verified member of the network (never a guest)"
    LIBRARY = "a library: the readers of the network, meeting or thematic group it belongs to"
    LIBRARY_ADD = "a library's readers, then those who may add to it"
    LIBRARY_POLICY = "a meeting's or group's library readers, then the DMR, then POST only"
    LIBRARY_MOVE = "a library entry's readers, then the DMR, then POST only"
    STATE_RECORD = "a state's own Focal Points and the DMR"
    PAGE = "a Wagtail page: the page's own restriction, through the access rule"
    DOCUMENT = "a document: its collection's restriction, through the access rule"
    TOKEN = "a calendar feed: its secret token stands for its owner"
    ADMIN = "the Wagtail admin: a verified session with admin access"
    # Routes of routable pages: the page's rule always runs first.
    ROUTE = "the page's rule only"
    ROUTE_POST_ONLY = "the page's rule, then POST only"
    ROUTE_MEMBERS = "the page's rule, then members of the network only"
    ROUTE_OWN_STATE = "the page's rule, then the Focal Points of one state (and the DMR)"
    ROUTE_AUTHOR = "the page's rule, then the author only"
    ROUTE_DMR = "the page's rule, then the DMR only"


# Patterns outside /admin/, without their /en/ or /fr/ prefix.
CLASSIFICATION: dict[str, Access] = {
    "healthz": Access.HEALTH,
    "sitemap.xml": Access.PUBLIC,
    r"documents/(\d+)/(.*)$": Access.DOCUMENT,
    "documents/authenticate_with_password/<int:restriction_id>/": Access.SHARED_PASSWORD_FORM,
    "accounts/": Access.ACCOUNT_STEP,
    "accounts/login/": Access.ACCOUNT_STEP,
    "accounts/verify/": Access.ACCOUNT_STEP,
    "accounts/enrol/": Access.ACCOUNT_STEP,
    "accounts/backup-codes/": Access.ACCOUNT_STEP,
    "accounts/password/": Access.ACCOUNT_STEP,
    "accounts/email/": Access.ACCOUNT_STEP,
    "accounts/email/confirm/<str:token>/": Access.ACCOUNT_STEP,
    "accounts/logout/": Access.ACCOUNT_STEP,
    "accounts/sign-out-everywhere/": Access.ACCOUNT_STEP,
    "accounts/invitation/<str:token>/": Access.ACCOUNT_STEP,
    "search/": Access.PUBLIC,
    "feed/": Access.PUBLIC,
    "calendar/": Access.NETWORK_PERSON,
    "calendar/<str:token>.ics": Access.TOKEN,
    "your-meetings/": Access.NETWORK_PERSON,
    "our-state/": Access.MEMBER,
    "states/<str:code>/": Access.STATE_RECORD,
    "notifications/": Access.NETWORK_PERSON,
    "network/search/": Access.NETWORK_PERSON,
    "network/register/": Access.NETWORK_MEMBER,
    "network/register/export.csv": Access.NETWORK_MEMBER,
    "network/register/export.xlsx": Access.NETWORK_MEMBER,
    "network/register/actions/<int:pk>/progress/": Access.NETWORK_MEMBER_OWNER,
    "network/date-polls/": Access.NETWORK_MEMBER,
    "network/date-polls/<int:pk>/": Access.NETWORK_MEMBER,
    "notifications/follow/<int:page_id>/": Access.NETWORK_PERSON,
    "network/library/": Access.LIBRARY,
    "network/library/add/": Access.LIBRARY_ADD,
    "network/library/all/": Access.NETWORK_PERSON,
    "network/library/meetings/<int:page_id>/": Access.LIBRARY,
    "network/library/meetings/<int:page_id>/add/": Access.LIBRARY_ADD,
    "network/library/meetings/<int:page_id>/policy/": Access.LIBRARY_POLICY,
    "network/library/groups/<int:page_id>/": Access.LIBRARY,
    "network/library/groups/<int:page_id>/add/": Access.LIBRARY_ADD,
    "network/library/groups/<int:page_id>/policy/": Access.LIBRARY_POLICY,
    "network/library/documents/<int:pk>/": Access.LIBRARY,
    "network/library/documents/<int:pk>/move/": Access.LIBRARY_MOVE,
    "network/library/versions/<int:pk>/preview/": Access.LIBRARY,
    "_util/login/": Access.ACCOUNT_STEP,
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        Access.SHARED_PASSWORD_FORM
    ),
    WAGTAIL_PAGES: Access.PAGE,
}

_COMMENT_ROUTES = {
    "comments/": Access.ROUTE_MEMBERS,
    "comments/<int:comment_id>/": Access.ROUTE_MEMBERS,
    "comments/<int:comment_id>/reply/": Access.ROUTE_MEMBERS,
    "comments/<int:comment_id>/edit/": Access.ROUTE_AUTHOR,
    "comments/<int:comment_id>/delete/": Access.ROUTE_AUTHOR,
    "comments/<int:comment_id>/hide/": Access.ROUTE_DMR,
    "comments/<int:comment_id>/restore/": Access.ROUTE_DMR,
}

# Routes of routable page types, by model label, then route pattern ("" is the page).
ROUTE_CLASSIFICATION: dict[str, dict[str, Access]] = {
    "network_pages.DirectoryPage": {
        "": Access.ROUTE,
        "person/<int:profile_id>/vcard/": Access.ROUTE,
        "export/csv/": Access.ROUTE_DMR,
        "state/<str:code>/national-network/add/": Access.ROUTE_OWN_STATE,
        "state/<str:code>/national-network/<int:pk>/edit/": Access.ROUTE_OWN_STATE,
        "state/<str:code>/national-network/<int:pk>/delete/": Access.ROUTE_OWN_STATE,
    },
    "community.ThematicGroupPage": {
        "": Access.ROUTE,
        "join/": Access.ROUTE_POST_ONLY,
        "leave/": Access.ROUTE_POST_ONLY,
        **_COMMENT_ROUTES,
    },
    "community.ThematicGroupUpdatePage": {"": Access.ROUTE, **_COMMENT_ROUTES},
    "community.WorkingMethodsPage": {
        "": Access.ROUTE,
        "history/": Access.ROUTE,
        **_COMMENT_ROUTES,
    },
    "meetings.MeetingPage": {
        "": Access.ROUTE,
        "suggest/": Access.ROUTE_POST_ONLY,
        "attendance/": Access.ROUTE_POST_ONLY,
        "calendar/": Access.ROUTE,
        **_COMMENT_ROUTES,
    },
    "information.InformationItemPage": {"": Access.ROUTE, **_COMMENT_ROUTES},
    "information.InformationRequestPage": {
        "": Access.ROUTE,
        "response/": Access.ROUTE_OWN_STATE,
        "responses/<str:code>/": Access.ROUTE_OWN_STATE,
        "compilation/": Access.ROUTE_MEMBERS,
        "compilation/csv/": Access.ROUTE_MEMBERS,
        "compilation/xlsx/": Access.ROUTE_MEMBERS,
        **_COMMENT_ROUTES,
    },
    "information.InformationRequestIndexPage": {
        "": Access.ROUTE,
        "submit/": Access.ROUTE_OWN_STATE,
    },
    "information.InformationItemIndexPage": {"": Access.ROUTE, "submit/": Access.ROUTE_OWN_STATE},
}


def _walk(patterns, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            own = "" if isinstance(pattern.pattern, LocalePrefixPattern) else str(pattern.pattern)
            yield from _walk(pattern.url_patterns, prefix + own)
        else:
            # Written as Django's resolver reports a match: regex anchors left out.
            yield (prefix + str(pattern.pattern)).replace("^", ""), pattern


def urlconf_patterns() -> list[tuple[str, URLPattern]]:
    """Every pattern of the project's URLconf, language prefix left out, admin included."""
    return list(_walk(get_resolver().url_patterns))


def site_patterns() -> set[str]:
    return {route for route, _ in urlconf_patterns() if not route.startswith(ADMIN_PREFIX)}


def admin_patterns() -> list[str]:
    return [route for route, _ in urlconf_patterns() if route.startswith(ADMIN_PREFIX)]


def page_models() -> list[type[Page]]:
    """Every page type a site can hold (the abstract-like base `Page` left out)."""
    return [model for model in get_page_models() if model is not Page]


def routable_routes() -> dict[str, set[str]]:
    """{model label: its route patterns} for every routable page type."""
    return {
        model._meta.label: {str(p.pattern) for p in model.get_resolver().url_patterns}
        for model in page_models()
        if issubclass(model, RoutablePageMixin)
    }


NO_PATTERN = "(no pattern: not found before any view)"


def pattern_of(url: str) -> str:
    """The URLconf pattern (language prefix left out) that serves `url`."""
    path = url.split("?", 1)[0]
    language = LANGUAGE_PREFIX.match(path.lstrip("/"))
    with translation.override(language.group(1) if language else "en"):
        try:
            route = resolve(path).route
        except Resolver404:
            return NO_PATTERN
    return LANGUAGE_PREFIX.sub("", route).replace("^", "")


def page_routes_of(urls: list[str]) -> dict[str, tuple[str, str]]:
    """{url: (page type label, route pattern)} for the URLs served by a live Wagtail page."""
    pages = sorted(
        ((page.url, page) for page in Page.objects.live().specific() if page.url),
        key=lambda pair: -len(pair[0]),
    )
    routes = {}
    for url in urls:
        path = url.split("?", 1)[0]
        if pattern_of(path) != WAGTAIL_PAGES:
            continue
        page_url, page = next(((u, p) for u, p in pages if path.startswith(u)), (None, None))
        if page is None:
            continue
        model, rest = type(page), path[len(page_url) :]
        if issubclass(model, RoutablePageMixin):
            try:
                routes[url] = (model._meta.label, model.get_resolver().resolve(f"/{rest}").route)
            except Resolver404:
                continue
        elif not rest:
            routes[url] = (model._meta.label, "")
    return routes
