from collections.abc import Callable
from contextlib import suppress

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django_otp.middleware import OTPMiddleware
from django_otp.models import Device

from network_pages import access
from nfp_site.prepared_sql import prepared_objects


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


class VerifiedDeviceMiddleware(OTPMiddleware):
    """django-otp's middleware, reading the session's device with SQL compiled once per
    device type (every signed-in request reads it; `prepared_sql`), as
    `Device.from_persistent_id` reads it otherwise: same rows, same refusals."""

    def _device_from_persistent_id(self, persistent_id: str):
        persistent_id = self._normalize_persistent_id(persistent_id)
        with suppress(ValueError, LookupError):
            model_label, device_id = persistent_id.rsplit("/", 1)
            app_label, model_name = model_label.split(".")
            model = apps.get_model(app_label, model_name)
            if not issubclass(model, Device):
                return None
            found = prepared_objects(
                f"otp.device:{model._meta.label}",
                lambda pk: model.objects.filter(id=pk).order_by("pk")[:1],
                int(device_id),
            )
            return found[0] if found else None
        return None
