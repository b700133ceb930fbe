"""What every route of this app's pages shares."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from network_pages import access


def render_route(page, request: HttpRequest, template: str, **context) -> TemplateResponse:
    """Render a sub-route of `page` with the page's own context (header, language links)."""
    request.is_preview = getattr(request, "is_preview", False)
    return page.render(request, template=template, context_overrides=context)


def refuse(request: HttpRequest) -> HttpResponse:
    """A verified member whose role does not allow this: the network's 403, never a hint."""
    return access.refusal(request, access.Verdict.REFUSE)


def route_url(request: HttpRequest, page, name: str, *args) -> str:
    """The address of one of `page`'s routes, in the page's own tree (EN page or FR alias)."""
    return page.get_url(request) + page.reverse_subpage(name, args=args)
