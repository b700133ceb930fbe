"""Browser-facing hardening: the Content Security Policy and session lifetimes.

The public site and the network area allow no inline script at all; the Wagtail admin
still renders a few inline scripts (inline panels, date widgets, wagtail-localize's
editor) and previews itself in a same-origin frame, so it gets a looser policy.
"""

from collections.abc import Callable

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

ADMIN_PREFIX = "/admin/"

ADMIN_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
    "base-uri": [SELF],
    "object-src": [NONE],
}

LOGIN_AT = "nfp_login_at"
LAST_SEEN = "nfp_last_seen"
# Writing the session on every request would cost a query each time; a minute is enough.
LAST_SEEN_RESOLUTION_SECONDS = 60


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """CONTENT_SECURITY_POLICY everywhere, ADMIN_POLICY under /admin/."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.replace = {**ADMIN_POLICY, **(parts.replace or {})}
        return parts

    def process_response(self, request, response):
        if request.path_info.startswith(ADMIN_PREFIX):
            # Wagtail previews pages in a same-origin frame.
            response["X-Frame-Options"] = "SAMEORIGIN"
        return super().process_response(request, response)


def record_login_time(sender, request: HttpRequest, user, **kwargs) -> None:
    """Connected to `user_logged_in`: the absolute session lifetime counts from here."""
    now = int(timezone.now().timestamp())
    request.session[LOGIN_AT] = now
    request.session[LAST_SEEN] = now


class SessionLifetimeMiddleware:
    """Signed-in sessions end after NFP_SESSION_IDLE_MINUTES without a request, and in any
    case NFP_SESSION_MAX_HOURS after signing in (the network area is confidential, 3.1)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._enforce(request)
        return self.get_response(request)

    def _enforce(self, request: HttpRequest) -> None:
        session = request.session
        now = int(timezone.now().timestamp())
        login_at = session.get(LOGIN_AT, now)
        last_seen = session.get(LAST_SEEN, now)
        idle_limit = settings.NFP_SESSION_IDLE_MINUTES * 60
        absolute_limit = settings.NFP_SESSION_MAX_HOURS * 3600
        if now - last_seen > idle_limit or now - login_at > absolute_limit:
            logout(request)
            return
        if LOGIN_AT not in session:
            session[LOGIN_AT] = now
        if now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS or LAST_SEEN not in session:
            session[LAST_SEEN] = now
