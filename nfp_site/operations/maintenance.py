"""Maintenance mode: while `NFP_MAINTENANCE_FILE` exists, every web instance answers 503
with a short page and the workers run no task. The file lives where every instance sees it
(a shared volume in the scale-out deployment); `restore_site --maintenance` creates it for
the time of a restore, so that no write made meanwhile is silently lost."""

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

SETTLE_SECONDS = 2.0  # requests already running finish before the data is replaced


def flag() -> Path:
    return Path(settings.NFP_MAINTENANCE_FILE)


def is_on() -> bool:
    return flag().exists()


@contextlib.contextmanager
def maintenance_mode(reason: str = "restore") -> Iterator[None]:
    path = flag()
    already = path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(reason)
    time.sleep(SETTLE_SECONDS)
    try:
        yield
    finally:
        if not already:
            path.unlink(missing_ok=True)
