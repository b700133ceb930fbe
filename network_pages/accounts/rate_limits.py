"""Limits on password guessing, kept in Django's cache (issue 13, 9).

A stranger must not be able to lock a member out by typing wrong passwords for their
username. So failures are counted three ways, each in a window that starts at its first
failure (whether or not the account exists, so that the limits say nothing about which
accounts exist):

- per address and account: 5 failures block that address for that account;
- per address: 20 failures, on any accounts, block that address;
- per account, from everywhere: 5 failures block the account from every address that is
  not one of its usual networks, for a lock that doubles each time the account is locked
  again (15 minutes, 30, 60... at most a day). A usual network is one from which the
  member completed a sign-in with their second factor in the last 90 days (the /24 of an
  IPv4 address, the /48 of an IPv6 one). So the member's correct password and code still
  work from home or the office while a stranger keeps failing elsewhere; a stranger on the
  member's own network is held by the two other limits.

A password alone never signs anyone in (the code follows), so the limits only slow
guessing; they are not what keeps the account safe.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from network_pages import windowed_counts

WINDOW_SECONDS = 15 * 60
FAILURES_PER_ACCOUNT = 5
FAILURES_PER_ADDRESS = 20
MAX_LOCK_SECONDS = 24 * 3600
USUAL_NETWORK_SECONDS = 90 * 24 * 3600


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


def _account_name(username: str) -> str:
    return username.strip().casefold()


def _account_key(username: str) -> str:
    return _key("account", _account_name(username))


def _pair_key(username: str, address: str) -> str:
    return _key("pair", f"{_account_name(username)}|{address}")


def _lock_key(username: str) -> str:
    return _key("lock", _account_name(username))


def _locks_key(username: str) -> str:
    """How many times the account was locked lately: the next lock lasts twice as long."""
    return _key("locks", _account_name(username))


def network_of(address: str) -> str:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def _usual_key(username: str, address: str) -> str:
    return _key("usual", f"{_account_name(username)}|{network_of(address)}")


def _address_key(address: str) -> str:
    return _key("address", address)


def _count(key: str) -> int:
    return windowed_counts.count(key)


def _increment(key: str) -> None:
    windowed_counts.add_one(key, WINDOW_SECONDS)


def is_usual_network(username: str, address: str) -> bool:
    return bool(cache.get(_usual_key(username, address)))


def remember_usual_network(username: str, address: str) -> None:
    """After a complete sign-in (password and second factor) from `address`."""
    cache.set(_usual_key(username, address), 1, timeout=USUAL_NETWORK_SECONDS)


def password_attempts_blocked(username: str, address: str) -> bool:
    """True when this address, this address for this account, or (from a network that is
    not one of the account's usual ones) the account itself has failed too often."""
    if _count(_address_key(address)) >= FAILURES_PER_ADDRESS:
        return True
    if _count(_pair_key(username, address)) >= FAILURES_PER_ACCOUNT:
        return True
    if is_usual_network(username, address):
        return False
    return bool(cache.get(_lock_key(username)))


def record_password_failure(username: str, address: str) -> None:
    _increment(_address_key(address))
    _increment(_pair_key(username, address))
    _increment(_account_key(username))
    if _count(_account_key(username)) >= FAILURES_PER_ACCOUNT:
        _lock_account(username)


def _lock_account(username: str) -> None:
    """Lock the account (from unusual networks) for 15 minutes, doubled at each new lock."""
    cache.delete(_account_key(username))
    locks = _count(_locks_key(username))
    seconds = min(WINDOW_SECONDS * 2**locks, MAX_LOCK_SECONDS)
    cache.set(_lock_key(username), 1, timeout=seconds)
    cache.set(_locks_key(username), locks + 1, timeout=MAX_LOCK_SECONDS)


def forget_account_failures(username: str, address: str) -> None:
    """After a correct password: this address starts afresh for the account, and the
    account's own count too; a lock from elsewhere stays until it ends."""
    cache.delete_many([_account_key(username), _pair_key(username, address)])
