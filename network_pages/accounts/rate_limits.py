"""Limits on password guessing, kept in Django's cache.

Failures are counted per submitted username (whether or not such an account exists, so
that the limit says nothing about which accounts exist) and per client address. Each
counter lives for one fixed window that starts at its first failure.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 15 * 60
FAILURES_PER_ACCOUNT = 5
FAILURES_PER_ADDRESS = 20


def client_address(request: HttpRequest) -> str:
    """The client's address, as seen by the outermost proxy we trust.

    `NFP_TRUSTED_PROXY_COUNT` (default 0) is the number of reverse proxies in front of
    the application; with 0, X-Forwarded-For is ignored because anyone can send it.
    """
    proxies = settings.NFP_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
    return f"nfp:password-failures:{kind}:{digest}"


def _account_key(username: str) -> str:
    return _key("account", username.strip().casefold())


def _address_key(address: str) -> str:
    return _key("address", address)


def _count(key: str) -> int:
    return int(cache.get(key, 0))


def _increment(key: str) -> None:
    if cache.add(key, 1, timeout=WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=WINDOW_SECONDS)


def password_attempts_blocked(username: str, address: str) -> bool:
    """True when this account or this address has failed too often recently."""
    return (
        _count(_account_key(username)) >= FAILURES_PER_ACCOUNT
        or _count(_address_key(address)) >= FAILURES_PER_ADDRESS
    )


def record_password_failure(username: str, address: str) -> None:
    _increment(_account_key(username))
    _increment(_address_key(address))


def forget_account_failures(username: str) -> None:
    """After a correct password the account starts afresh; the address does not."""
    cache.delete(_account_key(username))
