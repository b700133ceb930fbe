"""A limit on how fast one member posts comments, kept in Django's cache.

Each member has one counter that lives for a fixed window starting at their first comment
in it: ten comments in ten minutes, then a clear message until the window ends.
"""

from network_pages import windowed_counts

COMMENTS_PER_WINDOW = 10
WINDOW_MINUTES = 10


def _key(user) -> str:
    return f"nfp:comments-posted:{user.pk}"


def is_exceeded(user) -> bool:
    return windowed_counts.count(_key(user)) >= COMMENTS_PER_WINDOW


def record_comment(user) -> None:
    windowed_counts.add_one(_key(user), WINDOW_MINUTES * 60)
