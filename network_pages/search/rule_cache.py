"""The access rule as a reader's searches apply it, worked out once and kept for their next
searches (issue 17: the members' search at network size).

Working it out reads every page and collection restriction with its groups, the restricted
pages' aliases and the pages the filters offer, and weighs the rule on every restricted place
(some 220 at network size), then compiles it into SQL: a quarter of a search's time in
Python, the same for every search of the same reader. Kept (`readers.Decided`), it is one
read from the cache, then kept by the process under the same key (`document_cache`).

It is kept under a key made of the reader, read on every request (active, superuser, the
names of their groups, the member state they answer for: a group joined or left changes the
key at once), and a generation started anew by every change to what it reads:

- everything that starts a new generation of the kept documents (`document_cache`, whose
  `start_new_generation` starts this one too): a page saved, moved or deleted, a page or
  collection restriction and its groups, a collection, a group (its name is what the rule
  reads), the admin's bulk actions, a restore;
- an entry added to the search or taken out of it (`rule_cache_signals`): which meetings and
  groups the filters offer are those holding entries.

As for the kept documents, a new generation is started at the change and again once its
transaction commits.
"""

from collections.abc import Callable
from typing import TypeVar

from . import document_cache

GENERATION = document_cache.RULES_GENERATION
# The shape of what is kept (`readers.Decided`) is part of the key: a rule kept by an earlier
# version (without the pages it opens, `pages_read`, or `every_document`) is never read by
# this one.
ENTRY_PREFIX = "nfp:search_rules:reader:3"

Kept = TypeVar("Kept")


def start_new_generation() -> None:
    """Forget every reader's rule (`CacheGeneration.start_new`)."""
    GENERATION.start_new()


def kept(reader: str, read: Callable[[], Kept]) -> Kept:
    """What is kept for `reader` in this generation, or `read()` kept there (the key is made
    before reading, as `document_cache.kept_ids` does, and for as long)."""
    return document_cache.kept_under(ENTRY_PREFIX, GENERATION, reader, read)
