from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when every dependency is ok, 503 otherwise (see `health`)."""
    status, body = health.report()
    return JsonResponse(body, status=200 if status == health.OK else 503)
