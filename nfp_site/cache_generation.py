"""A generation of entries kept in the shared cache: entries are stored under a key that
names the current generation, and starting a new one forgets them all at once, whatever
their number (the public pages, the calendar feeds, the search's kept documents)."""

import uuid

from django.core.cache import cache
from django.db import transaction


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
