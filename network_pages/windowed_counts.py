"""Counters that live for a fixed window from their first count, kept in Django's cache:
the rate limits (sign-in attempts, comments, email-change links) count with these."""

from django.core.cache import cache


def count(key: str) -> int:
    return int(cache.get(key, 0))


def add_one(key: str, window_seconds: int) -> None:
    """One more in `key`'s window (a new window if there is none)."""
    if cache.add(key, 1, timeout=window_seconds):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window_seconds)
