"""What each visitor should get from a URL, and how a response is checked against it."""

import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from .roles import EVERYONE, Role


class Outcome(Enum):
    OK = 200
    SIGN_IN = "302 to the login step"
    VERIFY = "302 to the one-time code step"
    REFUSED = 403
    NOT_FOUND = 404
    NOT_ALLOWED = 405  # a POST-only route asked with GET
    GONE = 410  # Wagtail's shared-password forms: the network has no shared passwords
    REDIRECT = "302 somewhere else"  # e.g. a POST-only route that sends a GET back to its page


@dataclass(frozen=True)
class Marker:
    """A unique string planted in one piece of content, and who may ever read it."""

    text: str
    readers: frozenset[Role]
    where: str


@dataclass(frozen=True)
class Probe:
    """One URL of the site and the answer each role must get from it."""

    url: str
    expected: Mapping[Role, Outcome]
    # Markers an OK response must contain: proof that the probe reaches the content.
    shows: tuple[str, ...] = ()
    # A restricted resource answers `Cache-Control: private, no-store` to everyone.
    restricted: bool = True
    # A search echoes its query: that marker is judged by whether it was found.
    echo: str | None = field(default=None, compare=False)
    # Who must find `shows` in an OK response (None: everyone answered OK). A page open to
    # more people than its comments shows its comment marker to the comment audience only.
    shown_to: frozenset[Role] | None = field(default=None, compare=False)


def restricted_to(readers: Iterable[Role], **outcomes: Outcome) -> dict[Role, Outcome]:
    """The access rule's answers for a resource that `readers` may see; `outcomes` (by role
    name, lower case) override what a reader gets from a route that adds a rule of its own."""
    readers = frozenset(readers)
    expected = {}
    for role in Role:
        if role in readers:
            expected[role] = Outcome.OK
        elif role is Role.ANONYMOUS:
            expected[role] = Outcome.SIGN_IN
        elif role is Role.PASSWORD_ONLY:
            expected[role] = Outcome.VERIFY
        else:
            expected[role] = Outcome.REFUSED
    for name, outcome in outcomes.items():
        role = Role[name.upper()]
        assert role in readers, f"{role} never reaches the route past the page's own rule"
        expected[role] = outcome
    return expected


def for_everyone(outcome: Outcome) -> dict[Role, Outcome]:
    return dict.fromkeys(EVERYONE, outcome)


def body_text(response) -> str:
    """The whole body as text: streamed files read to the end, spreadsheets unzipped, and
    folded iCalendar/vCard lines unfolded (a marker may be cut at 75 octets)."""
    if response.streaming:
        # Reading to the end lets the test client close the file; never close the response
        # itself (on PostgreSQL that closes the test database connection).
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    content_type = response.get("Content-Type", "")
    if "spreadsheetml" in content_type:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b"".join(archive.read(name) for name in archive.namelist())
    text = content.decode("utf-8", errors="replace")
    if "text/calendar" in content_type or "text/vcard" in content_type:
        text = text.replace("\r\n ", "").replace("\r\n\t", "")
    return text


def header_texts(response) -> list[str]:
    """Every header value and cookie value the response sets."""
    values = [f"{name}: {value}" for name, value in response.headers.items()]
    values += [f"Set-Cookie {name}={morsel.value}" for name, morsel in response.cookies.items()]
    return values


def outcome_of(response, url: str) -> Outcome | None:
    status = response.status_code
    if status in (301, 302):
        location = response.get("Location", "")
        language = url.split("/")[1] if url.startswith(("/en/", "/fr/")) else None
        for outcome, step in ((Outcome.SIGN_IN, "login"), (Outcome.VERIFY, "verify")):
            wanted = f"/accounts/{step}/?next="
            if (language and location.startswith(f"/{language}{wanted}")) or (
                not language and wanted in location
            ):
                return outcome
        if location.startswith("/admin/login/?next="):
            return Outcome.SIGN_IN  # Wagtail's admin login, which leads to ours
        return Outcome.REDIRECT
    return {
        200: Outcome.OK,
        403: Outcome.REFUSED,
        404: Outcome.NOT_FOUND,
        405: Outcome.NOT_ALLOWED,
        410: Outcome.GONE,
    }.get(status)


def leaks(response, body: str, where: str, forbidden: Iterable[Marker], *, skip=None) -> list[str]:
    """A line for each forbidden marker found in the body, a header or a cookie."""
    found = []
    headers = header_texts(response)
    for marker in forbidden:
        if marker.text == skip:
            continue
        if marker.text in body:
            found.append(f"{where}: body leaks {marker.text} ({marker.where})")
        leaking = [value for value in headers if marker.text in value]
        if leaking:
            found.append(f"{where}: header leaks {marker.text} ({marker.where}): {leaking[0]}")
    return found


def cache_problem(response, where: str) -> list[str]:
    """A restricted response must never be stored by a shared cache."""
    cache_control = response.get("Cache-Control", "")
    if {"private", "no-store"} <= {part.strip() for part in cache_control.split(",")}:
        return []
    return [f"{where}: restricted, but Cache-Control is {cache_control!r}"]


def problems(
    response,
    probe: Probe,
    role: Role,
    forbidden: Iterable[Marker],
    *,
    echo_baseline: int = 0,
) -> list[str]:
    """Everything wrong with `response` to `probe` for `role`, each as one readable line."""
    found = []
    where = f"{probe.url} as {role}"
    expected = probe.expected[role]
    got = outcome_of(response, probe.url)
    if got is not expected:
        found.append(
            f"{where}: expected {expected.name}, got {response.status_code} "
            f"{response.get('Location', '')}".rstrip()
        )
    body = body_text(response)
    found += leaks(response, body, where, forbidden, skip=probe.echo)
    if probe.echo is not None:
        was_found = body.count(probe.echo) > echo_baseline
        should_be_found = probe.echo in probe.shows
        if was_found != should_be_found:
            verb = "does not find" if should_be_found else "finds"
            found.append(f"{where}: the public search {verb} {probe.echo}")
    elif got is Outcome.OK and (probe.shown_to is None or role in probe.shown_to):
        found += [
            f"{where}: allowed, but {text} is missing (the probe does not reach its content)"
            for text in probe.shows
            if text not in body
        ]
    if probe.restricted:
        found += cache_problem(response, where)
    return found
