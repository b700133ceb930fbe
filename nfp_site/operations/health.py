"""/healthz: each dependency with its status, for a load balancer and a person.

`ok` everywhere: 200. Anything `degraded` or `down`: 503, with the failing part named
(details go to the logs, never to the answer). The checks:

* database: answers a query;
* cache: Redis answers (when configured; the site serves without it, slower);
* task_queue: the oldest task waiting to run has waited less than
  `NFP_HEALTH_MAX_QUEUE_AGE_SECONDS`, and a worker was seen in the last two minutes;
* disk: the upload folder is writable with `NFP_HEALTH_MIN_FREE_MB` free (local storage).
"""

import logging
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from . import liveness, maintenance

logger = logging.getLogger(__name__)

OK, DEGRADED, DOWN = "ok", "degraded", "down"


@dataclass
class Check:
    status: str
    details: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"status": self.status, **self.details}


def database() -> Check:
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health: the database does not answer")
        return Check(DOWN)
    return Check(OK, {"milliseconds": round((time.monotonic() - started) * 1000)})


def cache_() -> Check:
    ping = getattr(cache, "ping", None)
    if ping is None:
        return Check(OK, {"backend": "local memory"})
    if ping():
        return Check(OK, {"backend": "redis"})
    return Check(DEGRADED, {"backend": "redis", "serving": "without the shared cache"})


def task_queue() -> Check:
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return Check(OK, {"backend": "immediate"})
    try:
        oldest = (
            DBTaskResult.objects.ready()
            .order_by("enqueued_at")
            .values_list("enqueued_at", flat=True)
            .first()
        )
        workers = len(liveness.live_workers())
    except DatabaseError:
        return Check(DOWN)
    age = round((timezone.now() - oldest).total_seconds()) if oldest else 0
    details = {"oldest_waiting_seconds": age, "live_workers": workers}
    if workers == 0 or age > settings.NFP_HEALTH_MAX_QUEUE_AGE_SECONDS:
        return Check(DEGRADED, details)
    return Check(OK, details)


def disk() -> Check:
    if not isinstance(default_storage, FileSystemStorage):
        return Check(OK, {"storage": "object storage"})
    folder = Path(default_storage.location)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".healthz-"):
            pass
        free_mb = shutil.disk_usage(folder).free // (1024 * 1024)
    except OSError:
        logger.exception("health: the upload folder cannot be written")
        return Check(DOWN, {"writable": False})
    details = {"writable": True, "free_mb": free_mb}
    if free_mb < settings.NFP_HEALTH_MIN_FREE_MB:
        return Check(DEGRADED, details)
    return Check(OK, details)


CHECKS = {"database": database, "cache": cache_, "task_queue": task_queue, "disk": disk}


def report() -> tuple[str, dict]:
    checks = {name: check() for name, check in CHECKS.items()}
    statuses = {check.status for check in checks.values()}
    overall = DOWN if checks["database"].status == DOWN else OK
    if overall == OK and statuses != {OK}:
        overall = DEGRADED
    if maintenance.is_on():
        overall = DEGRADED
    failing = sorted(name for name, check in checks.items() if check.status != OK)
    return overall, {
        "status": overall,
        "failing": failing,
        "maintenance": maintenance.is_on(),
        "checks": {name: check.as_json() for name, check in checks.items()},
    }
