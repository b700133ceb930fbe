"""Where to go next: a `?next=` that never leaves the site, and the default destination."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpRequest, HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language

from network_pages.area_addresses import network_path
from nfp_site.language_urls import url_in_language

MAX_NEXT_LENGTH = 2000


def default_destination() -> str:
    """The network area, in the current interface language."""
    return network_path(get_language())


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


def preferred_language(user) -> str | None:
    """The language a member chose in their profile; None for an account without one."""
    try:
        language = user.member_profile.preferred_language
    except (AttributeError, ObjectDoesNotExist):
        return None
    return language if language in dict(settings.LANGUAGES) else None


def destination_after_sign_in(request: HttpRequest) -> str:
    """Where signing in leads: the destination, in the member's preferred language."""
    language = preferred_language(request.user)
    url = destination(request)
    return url_in_language(request, url, language) if language else url


def remember_language(response: HttpResponse, user) -> HttpResponse:
    """From sign-in on, "/" and every unprefixed address lead to the member's language."""
    if language := preferred_language(user):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
        )
    return response


def with_next(url: str, next_url: str | None) -> str:
    """`url` carrying `next_url` along, when there is one."""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
