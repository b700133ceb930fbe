"""A generation of entries kept in the shared cache: entries are stored under a key that
names the current generation, and starting a new one forgets them all at once, whatever
their number (the public pages, the calendar feeds, the search's kept documents and rules,
the holidays)."""

import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

Kept = TypeVar("Kept")


class CacheGeneration:
    """`kept_in_process`: how many entries each process also keeps of what it read from the
    shared cache, under the same keys (each names its generation, so a new one leaves them
    behind at once too), for as long as they are kept there; 0: none. For entries that cost
    more to unpickle than to look up: the search's kept rule of a reader at network size is
    some 300 objects, ~0.4 ms of each of their searches against ~0.1 at demo size (issue 17).
    Beyond that many entries, a process starts again."""

    def __init__(self, key: str, *, kept_in_process: int = 0) -> None:
        self.key = key
        self.kept_in_process = kept_in_process
        self._here: dict[str, tuple[float, object]] = {}

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
        key = self.entry_key(prefix, name)
        now = time.monotonic()
        here = self._here.get(key)
        if here is not None and here[0] > now:
            return here[1]
        kept = cache.get(key)
        if kept is None:
            kept = read()
            cache.set(key, kept, seconds)
        if self.kept_in_process:
            if len(self._here) >= self.kept_in_process:
                self._here.clear()
            self._here[key] = (now + seconds, kept)
        return kept
