"""A generation of entries kept in the shared cache: entries are stored under a key that
names the current generation, and starting a new one forgets them all at once, whatever
their number (the public pages, the calendar feeds, the search's kept documents and rules,
the holidays)."""

import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

Kept = TypeVar("Kept")


class CacheGeneration:
    def __init__(self, key: str) -> None:
        self.key = key

    def start_new(self) -> None:
        """Now, and again once the transaction commits: an entry stored in between may
        hold what the transaction is about to change."""
        cache.set(self.key, uuid.uuid4().hex, None)
        transaction.on_commit(lambda: cache.set(self.key, uuid.uuid4().hex, None))

    def current(self) -> str:
        """Random, never a counter: a generation lost with the cache's other keys can
        never come back and meet the entries it had."""
        generation = cache.get(self.key)
        if generation is None:
            cache.add(self.key, uuid.uuid4().hex, None)
            generation = cache.get(self.key, "")
        return generation

    def entry_key(self, prefix: str, name: str) -> str:
        """The key of the entry `name` under `prefix` in the current generation."""
        return f"{prefix}:{self.current()}:{name}"

    def kept(self, prefix: str, name: str, read: Callable[[], Kept], seconds: int) -> Kept:
        """What is kept as `name` in the current generation, or `read()` kept there for
        `seconds`. The key is made before reading: a change committed meanwhile leaves what
        was read under a generation that is already over."""
        return self.kept_at(self.entry_key(prefix, name), read, seconds)

    def kept_at(self, key: str, read: Callable[[], Kept], seconds: int) -> Kept:
        """`kept`, under a key made by `entry_key` before reading."""
        kept = cache.get(key)
        if kept is None:
            kept = read()
            cache.set(key, kept, seconds)
        return kept
