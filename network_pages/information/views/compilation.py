"""The compilation of a request's submitted answers: a printable page and two downloads.

Submitted responses are shared among all members (2.1.a), so every member of the network
(Focal Points, approvers, the DMR) may read and download the compilation; a guest never,
even where a page would let one through.
"""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from network_pages import access, network_area

from .. import exports
from ..compilation import compile_request
from .base import refuse, render_route

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def may_compile(user) -> bool:
    return access.is_verified(user) and access.is_member(user)


def compilation_page(request: HttpRequest, page) -> HttpResponse:
    if not may_compile(request.user):
        return refuse(request)
    source = network_area.source_of(page)
    return render_route(
        page,
        request,
        "information/request/compilation.html",
        request_page=source,
        compilation=compile_request(source, with_times=False),
        compiled_at=timezone.now(),
    )


def compilation_download(request: HttpRequest, page, kind: str) -> HttpResponse:
    if not may_compile(request.user):
        return refuse(request)
    source = network_area.source_of(page)
    compilation = compile_request(source)
    if kind == "xlsx":
        content = exports.as_xlsx(compilation, source.title)
    else:
        content = exports.as_csv(compilation)
    filename = f"{slugify(source.title)[:60] or 'request'}-{timezone.localdate():%Y-%m-%d}.{kind}"
    response = HttpResponse(
        content,
        content_type=CONTENT_TYPES[kind],
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )
    return access.make_private(response)
