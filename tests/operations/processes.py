"""The site as separate processes, as deployed: gunicorn instances and a worker sharing
PostgreSQL, Redis and the upload folder; each test starts its own and stops them."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import requests
from django.conf import settings
from django.db import connection

from tests.smtp_support import free_port

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("NFP_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def services_missing() -> str | None:
    """Why these tests cannot run here (None when PostgreSQL and Redis are there)."""
    if connection.vendor != "postgresql":
        return "needs PostgreSQL (DATABASE_URL): the processes share the test database"
    try:
        import redis  # noqa: PLC0415 - only to probe

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as error:
        return f"needs Redis at {REDIS_URL}: {error}"
    return None


def services_required() -> bool:
    return os.environ.get("NFP_REQUIRE_SERVICES") == "1"


def database_url() -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"


def environment(*, media: Path, smtp_port: int, redis_url: str = REDIS_URL, **extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST", "NFP_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.operations.scale_out_settings",
        PYTHONPATH=str(ROOT),
        DJANGO_SECRET_KEY="scale-out-test-only",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        DATABASE_URL=database_url(),
        REDIS_URL=redis_url,
        NFP_CACHE_KEY_PREFIX=f"test-{uuid.uuid4().hex[:12]}",
        MEDIA_ROOT=str(media),
        NFP_MAINTENANCE_FILE=str(media.parent / "maintenance.on"),
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_TIMEOUT="2",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        NFP_LOG_LEVEL="WARNING",
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="4",
    )
    env.update(extra)
    return env


class Process:
    def __init__(self, name: str, command: list[str], env: dict, log: Path) -> None:
        self.name = name
        self.log = log
        self._log_file = log.open("wb")
        self.handle = subprocess.Popen(  # noqa: S603 - our own programmes
            command,
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> None:
        if self.handle.poll() is None:
            os.killpg(self.handle.pid, sig)
            try:
                self.handle.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.handle.pid, signal.SIGKILL)
                self.handle.wait(5)
        self._log_file.close()


class WebInstance(Process):
    def __init__(self, env: dict, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "--config",
            "deploy/gunicorn.conf.py",
            "nfp_site.wsgi",
        ]
        super().__init__(
            f"web:{self.port}", command, {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"}, log
        )

    def wait_until_serving(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.handle.poll() is not None:
                raise AssertionError(f"{self.name} exited:\n{self.output()[-3000:]}")
            try:
                requests.get(f"{self.url}/healthz", timeout=5)
                return
            except requests.RequestException:
                time.sleep(0.3)
        raise AssertionError(f"{self.name} did not start:\n{self.output()[-3000:]}")


def start_worker(env: dict, log: Path) -> Process:
    command = [
        sys.executable,
        "manage.py",
        "run_worker",
        "--interval",
        "0.3",
        "--no-startup-delay",
        "--housekeeping-interval",
        "2",
    ]
    return Process("worker", command, env, log)


def wait_for(condition, *, timeout: float, interval: float = 0.3, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(message or "condition not reached in time")
