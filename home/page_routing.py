"""Finding the page for a URL in a fixed number of queries, whatever its depth.

Wagtail's `serve` walks down the tree from the site's root, one query for the child and one
for its specific row per URL segment. Here the whole chain, with the root in the reader's
language, is read at once by `url_path` (each ancestor's is the root's followed by the first
segments; the roots' come from Wagtail's cached site root paths), then walked in memory with
Wagtail's own rules: a page type that overrides `route` (a routable page's sub-routes, for
instance) is asked itself, as Wagtail would; only the final page's specific row is read. A
page type whose `route` only wraps Wagtail's with an answer for paths that lead nowhere
below it declares that answer as `route_not_found`, and is walked like any other. The site
comes from the cache (`site_lookup`) and its root page with the chain.

The route is left where Wagtail looks for it (`request._wagtail_route_for_request`), so
Wagtail's own `serve` runs next, with every `before_serve_page` and `on_serve_page` hook.
"""

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from home import locales, site_lookup
from nfp_site.prepared_sql import prepared_objects


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


def _localized_root_path(root_paths: list, site: Site) -> str | None:
    """The url_path of the site root's translation in the active language (no query)."""
    locale = locales.active_locale()
    if locale is None:
        return None
    for root in root_paths:
        if root.site_id == site.pk and root.language_code == locale.language_code:
            return root.root_path
    return None


def _chain(url_paths: list[str], root_page_id: int):
    """The pages on the way and the site's root, with every translation of each: one
    `translation_key IN (...)` (each page is among its own translations), so that
    PostgreSQL reads the few pages by url_path (an index, home 0004) and their translations
    by translation key, instead of testing an OR of three conditions on every page."""
    on_the_way = Page.objects.filter(Q(url_path__in=url_paths) | Q(pk=root_page_id))
    return Page.objects.filter(translation_key__in=on_the_way.values("translation_key"))


def _root_and_chain(
    request: HttpRequest, site: Site, segments: list[str]
) -> tuple[Page, dict[str, Page], dict[str, list[Page]]]:
    """The root to route from (`site.root_page.localized`), the pages the segments may
    name below it, by url_path, and every translation of those pages (the language
    switcher's, by translation key): one query for all, the site's root page with them (a
    url_path is unique in the tree)."""
    root_paths = site_lookup.site_root_paths(request)
    # The url_paths of the site root and its translations.
    roots = {root.root_path for root in root_paths if root.site_id == site.pk}
    localized_path = _localized_root_path(root_paths, site)
    if localized_path:
        roots.add(localized_path)
    url_paths = [
        root + "".join(f"{segment}/" for segment in segments[:count])
        for root in roots
        for count in range(len(segments) + 1)
    ]
    # Every page served asks this: its SQL is compiled once per number of paths.
    pages = prepared_objects("page_routing.chain", _chain, url_paths, site.root_page_id)
    wanted = set(url_paths)
    chain = {page.url_path: page for page in pages if page.url_path in wanted}
    keys = {page.translation_key for page in chain.values()}
    translations: dict[str, list[Page]] = {key: [] for key in keys}
    for page in pages:
        if page.translation_key in translations:
            translations[page.translation_key].append(page)
    site_root = next((page for page in pages if page.pk == site.root_page_id), None)
    if site_root is None:
        site_root = site.root_page
    else:
        site.root_page = site_root  # read with the chain: `site.root_page` costs no query
    localized = chain.get(localized_path) if localized_path else None
    # As `Page.localized`: the translation if it is live, else the site's own root.
    root = localized if localized is not None and localized.live else site_root
    return root, chain, translations


def _asks_itself(model: type[Page]) -> bool:
    """The page type routes in a way of its own (Wagtail's `Page.route` is not its), other
    than Wagtail's own route with an answer of its own for a path that leads nowhere below
    it (`route_not_found`), which is walked here like Wagtail's."""
    return model.route is not Page.route and not hasattr(model, "route_not_found")


def _route_from(request: HttpRequest, site: Site, segments: list[str]) -> RouteResult:
    root, chain, translations = _root_and_chain(request, site, segments)
    request._nfp_routed_translations = translations
    answers_not_found: list[tuple[Page, int]] = []  # (page, its position), filled on the way
    try:
        return _walk(request, root, chain, segments, answers_not_found)
    except Http404:
        if not answers_not_found:
            raise
        # The nearest page on the way that answers for what is below it (as its `route`
        # would have, wrapping Wagtail's): only now is its specific row read.
        page, position = answers_not_found[-1]
        return _specific(page).route_not_found(request, segments[position:])


def _walk(
    request: HttpRequest,
    root: Page,
    chain: dict[str, Page],
    segments: list[str],
    answers_not_found: list[tuple[Page, int]],
) -> RouteResult:
    page = root
    for position in range(len(segments) + 1):
        remaining = segments[position:]
        model = page.specific_class or Page
        if hasattr(model, "route_not_found"):
            answers_not_found.append((page, position))
        if _asks_itself(model):
            if model.route is RoutablePageMixin.route:
                # Its sub-routes come first; when none matches, its children (as Wagtail).
                if page.live and _has_sub_route(model, remaining):
                    return _specific(page).route(request, remaining)
            else:
                return _specific(page).route(request, remaining)
        if not remaining:
            if page.live:
                return RouteResult(_specific(page))
            raise Http404
        child = chain.get(page.url_path + remaining[0] + "/")
        if child is None:
            raise Http404
        child._cached_parent_obj = page
        page = child
    raise Http404  # not reached: the last position has no segment left


def _specific(page: Page) -> Page:
    """`page.specific`; for an alias, with its source's specific row read in the same query
    and kept where `network_area.source_of` looks for it (an alias shows its source's
    records: the request page's responses, the group's members, the comments)."""
    model = page.specific_class
    if model is None or isinstance(page, model) or "specific" in vars(page):
        return page.specific
    if not page.alias_of_id:
        # As Wagtail's `page.specific`, with its SQL compiled once per page type.
        found = prepared_objects(
            f"page_routing.specific:{model._meta.label}",
            lambda pk: model._default_manager.filter(pk=pk),
            page.pk,
        )
        if not found:
            return page.specific  # gone meanwhile: as Wagtail would answer
        specific = found[0]
        for name, value in vars(page).items():  # as `Page.get_specific` copies what was set
            specific.__dict__.setdefault(name, value)
        page.specific = specific
        return specific
    rows = {
        row.pk: row for row in model._default_manager.filter(pk__in=(page.pk, page.alias_of_id))
    }
    specific = rows.get(page.pk)
    if specific is None:
        return page.specific  # gone meanwhile: as Wagtail would answer
    for name, value in vars(page).items():  # as `Page.get_specific` copies what was set
        specific.__dict__.setdefault(name, value)
    source = rows.get(page.alias_of_id)
    if source is not None:
        specific._nfp_source = source
    page.specific = specific
    return specific


def _has_sub_route(model: type[RoutablePageMixin], remaining: list[str]) -> bool:
    path = "/" + "".join(f"{segment}/" for segment in remaining)
    # A page type whose sub-routes follow the language reads them in English (`historique/`).
    path = getattr(model, "route_path_in_english", lambda path: path)(path)
    try:
        model.get_resolver().resolve(path)
    except Resolver404:
        return False
    return True


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """What `Page.route_for_request` answers, cached on the request where it looks."""
    if not hasattr(request, "_wagtail_route_for_request"):
        result = None
        site = site_lookup.find_for_request(request)
        if site is not None:
            try:
                result = _route_from(request, site, _segments(path))
            except Http404:
                result = None
        request._wagtail_route_for_request = result
    return request._wagtail_route_for_request


def routed_translations(request: HttpRequest, page: Page) -> list[Page] | None:
    """Every translation of `page` (itself included, live or not, generic pages), read with
    the route of this request; None when routing did not read them (the page is not on the
    way to this request's page, or the request was not routed here)."""
    found = getattr(request, "_nfp_routed_translations", None)
    if found is None:
        return None
    return found.get(page.translation_key)


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `serve`, with the route found here first."""
    route_for_request(request, path)
    return wagtail_views.serve(request, path)
