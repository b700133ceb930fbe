from collections.abc import Callable
from contextlib import suppress

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware
from django_otp.models import Device

from home import navigation
from network_pages import access, user_backend
from nfp_site.prepared_sql import prepared_objects

_NOT_READ = object()


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
    request asks the access rule about it (`access.restrictions_read_once`); so are the
    header's sections, every area of the language in one round trip to the cache
    (`navigation.sections_read_once`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with access.restrictions_read_once(), navigation.sections_read_once():
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
    """django-otp's middleware, reading the session's device with the user, in the same
    query (`user_backend.reading_device`); else (a user read before, a device type without
    a user) with SQL compiled once per device type (`prepared_sql`), as
    `Device.from_persistent_id` reads it. Same rows, same refusals: a device that is not
    the user's, or not confirmed, verifies nothing and leaves the session."""

    def _verify_user_sync(self, request, user):
        persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
        wanted = self._device_model_and_id(persistent_id) if persistent_id else None
        if wanted is None:
            self._init_user_fields(user)
        else:
            with user_backend.reading_device(*wanted):
                self._init_user_fields(user)  # reads the user, with the device
        if user.is_authenticated:
            device = None
            if wanted is not None:
                device = getattr(user, user_backend.DEVICE_ATTRIBUTE, _NOT_READ)
                if device is _NOT_READ:  # the user was read before: the device alone
                    device = self._device_from_persistent_id(persistent_id)
                else:
                    delattr(user, user_backend.DEVICE_ATTRIBUTE)
            user.otp_device = self._finalize_device(request, user, device)
        return user

    @classmethod
    def _device_model_and_id(cls, persistent_id: str) -> tuple[type[Device], int] | None:
        persistent_id = cls._normalize_persistent_id(persistent_id)
        with suppress(ValueError, LookupError):
            model_label, device_id = persistent_id.rsplit("/", 1)
            app_label, model_name = model_label.split(".")
            model = apps.get_model(app_label, model_name)
            if issubclass(model, Device):
                return model, int(device_id)
            return None
        return None

    def _device_from_persistent_id(self, persistent_id: str):
        found = self._device_model_and_id(persistent_id)
        if found is None:
            return None
        model, device_id = found
        devices = prepared_objects(
            f"otp.device:{model._meta.label}",
            lambda pk: model.objects.filter(id=pk).order_by("pk")[:1],
            device_id,
        )
        return devices[0] if devices else None
