"""Middleware of the operations app: request ids for the logs, and maintenance mode."""

import logging
import time
import uuid

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from . import log_context, maintenance

REQUEST_ID_HEADER = "HTTP_X_REQUEST_ID"
access_log = logging.getLogger("operations.requests")


class RequestIdMiddleware:
    """Every log line of a request carries its id (the proxy's X-Request-ID, or a new one),
    and the response says it, so that a person can quote it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.META.get(REQUEST_ID_HEADER, "")
        request_id = incoming if 0 < len(incoming) <= 64 and incoming.isprintable() else ""
        request.request_id = request_id or uuid.uuid4().hex
        started = time.monotonic()
        with log_context.bound(request_id=request.request_id):
            response = self.get_response(request)
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status_code": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000),
                },
            )
        response["X-Request-ID"] = request.request_id
        return response


class UserIdLogMiddleware:
    """After authentication: log lines of the request carry the user's id (never a name)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            log_context.bind(user_id=user.pk)
        return self.get_response(request)


class MaintenanceModeMiddleware:
    """503 for everything while maintenance mode is on (see `maintenance`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if maintenance.is_on():
            response = HttpResponse(
                render_to_string("operations/maintenance.html", request=None), status=503
            )
            response["Retry-After"] = "120"
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
