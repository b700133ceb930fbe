"""Production settings for the gunicorn that `manage.py bench` starts (never for a real site).

Production as it is, with two additions the measurement needs and one thing it does not:
- `network_pages.bench.middleware.QueryCountMiddleware` first: a request carrying the header
  `X-Bench-Count-Queries` gets its number of queries back in `X-Bench-Queries` (the load
  itself never sends it, so it costs one header lookup);
- the URLconf adds `/bench/ceiling`, a view that returns "ok" through every middleware;
- static files are not collected: `{% static %}` builds plain URLs (no manifest to read).
"""

from .production import *  # noqa: F403
from .production import MIDDLEWARE, STORAGES

MIDDLEWARE = ["network_pages.bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
ROOT_URLCONF = "network_pages.bench.urls"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
