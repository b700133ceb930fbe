"""A limit on how fast one member posts comments, kept in Django's cache.

Each member has one counter that lives for a fixed window starting at their first comment
in it: ten comments in ten minutes, then a clear message until the window ends.
"""

from django.core.cache import cache

COMMENTS_PER_WINDOW = 10
WINDOW_MINUTES = 10


def _key(user) -> str:
    return f"nfp:comments-posted:{user.pk}"


def is_exceeded(user) -> bool:
    return int(cache.get(_key(user), 0)) >= COMMENTS_PER_WINDOW


def record_comment(user) -> None:
    key = _key(user)
    if cache.add(key, 1, timeout=WINDOW_MINUTES * 60):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=WINDOW_MINUTES * 60)
