"""A load generator in plain Python (threads and http.client): nothing to install.

N connections, each its own thread, request one path for a warm-up and then for a fixed
time. A request counts when it completes inside the measured window. Connections are kept
alive when the server allows it (gunicorn's sync workers close each one after its
response: a new connection per request, as behind a proxy that does not pool them).

Python threads share one core: the generator is cheap next to a Django request, but on a
loaded machine it competes with the server. Read CPU per request and ratios to the ceiling
rather than raw requests per second.
"""

import hashlib
import hmac
import http.client
import re
import statistics
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

COUNT_QUERIES = "X-Bench-Count-Queries"
QUERIES = "X-Bench-Queries"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class SignInFailed(RuntimeError):
    pass


def totp(hex_key: str, *, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    """The RFC 6238 code of `hex_key` (as django-otp stores keys) at time `at`."""
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(bytes.fromhex(hex_key), counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF) % 10**digits
    return f"{code:0{digits}d}"


@dataclass
class Browser:
    """One connection with a cookie jar: enough to sign in through the site's own forms."""

    host: str
    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def request(
        self, method: str, path: str, form: dict | None = None, headers: dict | None = None
    ) -> tuple[int, dict[str, str], str]:
        all_headers = {**(headers or {}), **cookie_header(self.cookies)}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=all_headers)
        response = self.connection.getresponse()
        text = response.read().decode(errors="replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        if response.will_close:
            self.connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, text

    def submit(self, path: str, form: dict) -> tuple[int, dict[str, str], str]:
        """GET the form at `path`, then POST `form` to it with its CSRF token."""
        status, _headers, page = self.request("GET", path)
        token = CSRF_FIELD.search(page)
        if status != 200 or token is None:
            raise SignInFailed(f"no form at {path} (HTTP {status})")
        return self.request("POST", path, {**form, "csrfmiddlewaretoken": token.group(1)})


def cookie_header(cookies: dict[str, str]) -> dict[str, str]:
    if not cookies:
        return {}
    return {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())}


def sign_in(
    base_url: str,
    username: str,
    password: str,
    totp_key: str,
    *,
    login_path: str = "/en/accounts/login/",
    verify_path: str = "/en/accounts/verify/",
) -> dict[str, str]:
    """Sign in with the password and the authenticator's code; return the session's cookies.

    A code is accepted once: when this account signed in during the last 30 seconds, the
    current code is refused, and the next one (still within the device's tolerance) is used.
    """
    address = urllib.parse.urlsplit(base_url)
    browser = Browser(address.hostname, address.port)
    status, headers, _page = browser.submit(
        login_path, {"username": username, "password": password}
    )
    if status != 302:
        raise SignInFailed(f"{username}: the password step answered HTTP {status}")
    for steps_ahead in (0, 1):
        code = totp(totp_key, at=time.time() + 30 * steps_ahead)
        status, headers, _page = browser.submit(verify_path, {"totp-code": code})
        if status == 302:
            return browser.cookies
    raise SignInFailed(f"{username}: the one-time code was refused")


@dataclass
class Measurement:
    path: str
    seconds: float
    latencies: list[float]
    statuses: Counter
    errors: int = 0
    cpu_seconds: float | None = None
    queries: int | None = None

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def status(self) -> int | None:
        return self.statuses.most_common(1)[0][0] if self.statuses else None

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float | None:
        """The latency (seconds) under which `fraction` of the requests completed."""
        if not self.latencies:
            return None
        if len(self.latencies) == 1:
            return self.latencies[0]
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[
            round(fraction * 100) - 1
        ]

    @property
    def cpu_ms_per_request(self) -> float | None:
        if self.cpu_seconds is None or not self.requests:
            return None
        return 1000 * self.cpu_seconds / self.requests


def count_queries(base_url: str, path: str, cookies: dict[str, str]) -> int | None:
    """Ask the bench's server how many queries one request of `path` runs."""
    address = urllib.parse.urlsplit(base_url)
    browser = Browser(address.hostname, address.port, dict(cookies))
    _status, headers, _body = browser.request("GET", path, headers={COUNT_QUERIES: "1"})
    browser.connection.close()
    value = headers.get(QUERIES.lower())
    return int(value) if value is not None else None


def run_load(
    base_url: str,
    path: str,
    *,
    cookies: dict[str, str] | None = None,
    connections: int = 8,
    seconds: float = 5.0,
    warmup: float = 1.0,
    cpu_seconds: Callable[[], float] | None = None,
) -> Measurement:
    """Request `path` from `connections` threads for `warmup` + `seconds`; measure the latter.

    `cpu_seconds` reads the server's CPU time so far: read at the start and the end of the
    measured window, its difference is the CPU the requests of the window cost.
    """
    address = urllib.parse.urlsplit(base_url)
    headers = {"Accept": "text/html,*/*", **cookie_header(cookies or {})}
    start = time.monotonic()
    window_start, window_end = start + warmup, start + warmup + seconds
    latencies: list[float] = []
    statuses: Counter = Counter()
    errors = 0
    lock = threading.Lock()

    def connection_loop() -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        mine: list[float] = []
        my_statuses: Counter = Counter()
        my_errors = 0
        while True:
            began = time.monotonic()
            if began >= window_end:
                break
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    connection.close()
            except (OSError, http.client.HTTPException):
                connection.close()
                status = None
            ended = time.monotonic()
            if window_start <= ended < window_end:
                if status is None or status >= 500:
                    my_errors += 1
                if status is not None:
                    mine.append(ended - began)
                    my_statuses[status] += 1
        connection.close()
        with lock:
            latencies.extend(mine)
            statuses.update(my_statuses)
            errors += my_errors

    threads = [threading.Thread(target=connection_loop, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    cpu_before = cpu_after = None
    time.sleep(max(0.0, window_start - time.monotonic()))
    if cpu_seconds is not None:
        cpu_before = cpu_seconds()
    time.sleep(max(0.0, window_end - time.monotonic()))
    if cpu_seconds is not None:
        cpu_after = cpu_seconds()
    for thread in threads:
        thread.join()
    return Measurement(
        path=path,
        seconds=seconds,
        latencies=sorted(latencies),
        statuses=statuses,
        errors=errors,
        cpu_seconds=None if cpu_before is None else cpu_after - cpu_before,
    )
