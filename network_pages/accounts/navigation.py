"""Where to go next: a `?next=` that never leaves the site, and the default destination."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language

MAX_NEXT_LENGTH = 2000


def default_destination() -> str:
    """The network area, in the current interface language."""
    return f"/{get_language()}/network/"


def requested_next(request: HttpRequest) -> str | None:
    """The `next` the request asks for, if it stays on this site; otherwise None."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if not candidate or len(candidate) > MAX_NEXT_LENGTH:
        return None
    if not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    return candidate


def destination(request: HttpRequest) -> str:
    return requested_next(request) or default_destination()


def with_next(url: str, next_url: str | None) -> str:
    """`url` carrying `next_url` along, when there is one."""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
