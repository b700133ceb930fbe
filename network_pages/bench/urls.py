"""The bench's URLconf (nfp_site.settings.bench): the site's, and a ceiling to compare with."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from nfp_site.urls import urlpatterns as site_urlpatterns

CEILING_PATH = "/bench/ceiling"


def ceiling(request: HttpRequest) -> HttpResponse:
    """The least a request can cost here: every middleware, no query of its own, no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(CEILING_PATH.lstrip("/"), ceiling), *site_urlpatterns]
