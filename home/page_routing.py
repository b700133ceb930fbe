"""Finding the page for a URL in a fixed number of queries, whatever its depth.

Wagtail's `serve` walks down the tree from the site's root, one query for the child and one
for its specific row per URL segment. Here the whole chain is read at once by `url_path`
(each ancestor's is the root's followed by the first segments), then walked in memory with
Wagtail's own rules: a page type that overrides `route` (a routable page's sub-routes, for
instance) is asked itself, as Wagtail would; only the final page's specific row is read.

The route is left where Wagtail looks for it (`request._wagtail_route_for_request`), so
Wagtail's own `serve` runs next, with every `before_serve_page` and `on_serve_page` hook.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from home import locales


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


def _chain_below(root: Page, segments: list[str]) -> dict[str, Page]:
    """The pages the segments name under `root`, by url_path: one query."""
    if not segments:
        return {}
    url_paths = [
        root.url_path + "".join(f"{segment}/" for segment in segments[:count])
        for count in range(1, len(segments) + 1)
    ]
    pages = Page.objects.filter(
        url_path__in=url_paths, path__startswith=root.path, depth__gt=root.depth
    )
    return {page.url_path: page for page in pages}


def _asks_itself(model: type[Page]) -> bool:
    """The page type routes in a way of its own (Wagtail's `Page.route` is not its)."""
    return model.route is not Page.route


def _route_from(request: HttpRequest, root: Page, segments: list[str]) -> RouteResult:
    chain = _chain_below(root, segments)
    page = root
    for position in range(len(segments) + 1):
        remaining = segments[position:]
        model = page.specific_class or Page
        if _asks_itself(model):
            if model.route is RoutablePageMixin.route:
                # Its sub-routes come first; when none matches, its children (as Wagtail).
                if page.live and _has_sub_route(model, remaining):
                    return page.specific.route(request, remaining)
            else:
                return page.specific.route(request, remaining)
        if not remaining:
            if page.live:
                return RouteResult(page.specific)
            raise Http404
        child = chain.get(page.url_path + remaining[0] + "/")
        if child is None:
            raise Http404
        child._cached_parent_obj = page
        page = child
    raise Http404  # not reached: the last position has no segment left


def _has_sub_route(model: type[RoutablePageMixin], remaining: list[str]) -> bool:
    try:
        model.get_resolver().resolve("/" + "".join(f"{segment}/" for segment in remaining))
    except Resolver404:
        return False
    return True


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """What `Page.route_for_request` answers, cached on the request where it looks."""
    if not hasattr(request, "_wagtail_route_for_request"):
        result = None
        site = Site.find_for_request(request)
        if site is not None:
            try:
                result = _route_from(request, locales.localized(site.root_page), _segments(path))
            except Http404:
                result = None
        request._wagtail_route_for_request = result
    return request._wagtail_route_for_request


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `serve`, with the route found here first."""
    route_for_request(request, path)
    return wagtail_views.serve(request, path)
