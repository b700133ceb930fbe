"""The site served as in production for the time of a bench: gunicorn with its deploy/
`gunicorn.conf.py`,
2 sync workers, DEBUG off (settings `nfp_site.settings.bench`), Redis when one answers.

Workers are never recycled during a bench (their CPU counters would start again).
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class ServerError(RuntimeError):
    """gunicorn did not start, or stopped."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_answers(url: str) -> bool:
    try:
        import redis  # noqa: PLC0415 - only to probe; the site imports it through Django

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:  # noqa: BLE001 - any failure means "no Redis here"
        return False
    return True


def environment(database_url: str, *, port: int, redis_url: str | None, workers: int) -> dict:
    """gunicorn's environment: production settings, made to answer on plain http."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    for key in ("REDIS_URL", "NFP_CACHE_KEY_PREFIX", "SENTRY_DSN"):
        env.pop(key, None)
    env.update(
        DJANGO_SETTINGS_MODULE="nfp_site.settings.bench",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(32),
        DATABASE_URL=database_url,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_THREADS="1",
        GUNICORN_MAX_REQUESTS="0",
        PYTHONPATH=str(ROOT),
    )
    if redis_url:
        # A key prefix of its own: a bench never reads what another run (or a test) cached.
        env.update(REDIS_URL=redis_url, NFP_CACHE_KEY_PREFIX=f"bench-{secrets.token_hex(6)}")
    return env


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid` (a gunicorn master's workers)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces: fields follow the last parenthesis.
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid:
            children.append(int(entry.name))
    return sorted(children)


def cpu_seconds_of(pids: list[int]) -> float:
    """User + system CPU time used so far by the processes `pids` (from /proc/<pid>/stat)."""
    total = 0
    for pid in pids:
        try:
            after_name = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
        total += int(after_name[11]) + int(after_name[12])
    return total / CLOCK_TICKS


def answers(url: str) -> bool:
    """Whether a web server answers at `url` (any HTTP status is an answer)."""
    try:
        urllib.request.urlopen(url, timeout=10).close()  # noqa: S310 - a URL we were given
    except urllib.error.HTTPError:
        return True
    except (OSError, ValueError):
        return False
    return True


@dataclass
class Server:
    """A running gunicorn; `stop()` ends it (and its workers) in every case."""

    database_url: str
    redis_url: str | None = None
    workers: int = 2
    log_path: Path = field(default_factory=lambda: Path("/tmp") / "nfp-bench-gunicorn.log")  # noqa: S108
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> "Server":
        self.port = self.port or free_port()
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "--config",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "nfp_site.wsgi",
        ]
        env = environment(
            self.database_url, port=self.port, redis_url=self.redis_url, workers=self.workers
        )
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own programme
                command,
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_until_serving(timeout)
        return self

    def _wait_until_serving(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"gunicorn exited:\n{self.log_tail()}")
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=5).close()  # noqa: S310
            except urllib.error.HTTPError:
                pass  # 503 (no worker seen, say) is an answer: the site is serving
            except OSError:
                time.sleep(0.3)
                continue
            if len(self.worker_pids()) >= self.workers:
                return
            time.sleep(0.3)
        raise ServerError(f"gunicorn did not answer in {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, characters: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-characters:]
        except OSError:
            return ""

    def worker_pids(self) -> list[int]:
        """gunicorn's workers: the processes whose parent is the master."""
        return [] if self.process is None else children_of(self.process.pid)

    def cpu_seconds(self) -> float:
        """User + system CPU time used so far by the workers (from /proc/<pid>/stat)."""
        return cpu_seconds_of(self.worker_pids())

    def stop(self, timeout: float = 20) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(5)

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
