"""Is the site in use right now? Asked before a restore replaces its data."""

import urllib.error
import urllib.request
from datetime import timedelta

from django.utils import timezone

from .models import WorkerHeartbeat

WORKER_ALIVE_WITHIN = timedelta(minutes=2)


def live_workers() -> list[str]:
    since = timezone.now() - WORKER_ALIVE_WITHIN
    return list(
        WorkerHeartbeat.objects.filter(seen_at__gte=since).values_list("worker_id", flat=True)
    )


def site_answers(base_url: str, timeout: float = 2.0) -> bool:
    """Does a web server answer at `base_url` (its /healthz, whatever the status)?"""
    if not base_url.startswith(("http://", "https://")):
        return False
    try:
        with urllib.request.urlopen(  # noqa: S310 - an http(s) URL from the settings
            f"{base_url.rstrip('/')}/healthz", timeout=timeout
        ):
            return True
    except urllib.error.HTTPError:
        return True  # it answered, even if degraded
    except (OSError, ValueError):
        return False
