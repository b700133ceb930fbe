from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from network_pages import access


class PrivateResponsesMiddleware:
    """Restricted or personal responses carry `Cache-Control: private, no-store`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "nfp_restricted", False) or request.user.is_authenticated:
            access.make_private(response)
        return response


class RestrictionsReadOnceMiddleware:
    """A page's view restrictions are read once per request, however many times the
    request asks the access rule about it (`access.restrictions_read_once`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with access.restrictions_read_once():
            return self.get_response(request)


class AdminRequiresVerifiedSessionMiddleware:
    """Every Wagtail admin URL needs a session verified with a one-time password.

    Anonymous visitors are left to Wagtail, which sends them to our login
    (WAGTAILADMIN_LOGIN_URL); a password-only session is sent to the code step.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/admin/"):
            access.mark_restricted(request)
            if request.user.is_authenticated and not access.is_verified(request.user):
                return access.refusal(request, access.Verdict.VERIFY)
        return self.get_response(request)
