"""The documents a reader may download, worked out once and kept for their next searches
(issue 18: the members' search at network size).

Deciding them is the owner rule of every document (`readers._readable_documents`: its
collection's restrictions, then the meetings, items, workspace updates and library entries it
belongs to), some 60 ms of PostgreSQL in every search of a Focal Point, and again in each of
its parallel workers. Kept as their ids, they are one list the database hashes.

They are kept in the cache under a key made of everything that decides them:

- the reader, read on every request: active, superuser, the names of their groups (a group
  left or joined, a thematic group's workspace among them, changes the key at once, with no
  signal to miss) and the member state they answer for;
- the verdicts of the access rule on every restricted place of pages and of collections
  (`access_sql.TreeRule.places`), worked out on every request from the restrictions as they
  are: a restriction added, changed or removed changes the key at once too;
- a generation, started anew by every change to what the owner rule reads
  (`document_cache_signals`): a page saved, moved or deleted (a meeting and its minutes, an
  item, a workspace update, a thematic group), a document or a collection, an attachment of
  any kind, a library entry or version, a group, a restriction. As for the calendar feeds
  (meetings.feed_cache), a new generation is started at the change and again once its
  transaction commits, so that a search that read the old state in between keeps it under
  a generation nobody asks for again.

An owner rule whose verdicts read what may change without a signal (a response's status,
which a bulk update sets) is not kept: it stays a condition of every search
(`access_sql.in_sql(read_at_every_use=True)`). A bulk `update()` elsewhere on what the
others read starts a new generation itself (`start_new_generation`), as the workspaces'
documents do when they change collection.
"""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings

from nfp_site.cache_generation import CacheGeneration

# Kept by each process too, once read (`CacheGeneration`): about as many entries as readers
# searching within the hour.
GENERATION = CacheGeneration("nfp:search_documents:generation", kept_in_process=512)
# The kept access rules' (`rule_cache`), started anew with this one.
RULES_GENERATION = CacheGeneration("nfp:search_rules:generation", kept_in_process=512)
ENTRY_PREFIX = "nfp:search_documents:reader"

Kept = TypeVar("Kept")


def start_new_generation() -> None:
    """Forget every reader's documents (`CacheGeneration.start_new`), and every reader's
    kept access rule with them (`rule_cache`: it reads a subset of what the documents'
    owner rule reads, and the same places)."""
    GENERATION.start_new()
    RULES_GENERATION.start_new()


def current_generation() -> str:
    return GENERATION.current()


def seconds() -> int:
    return settings.NFP_SEARCH_DOCUMENTS_CACHE_SECONDS


def entry_key(decided_by: str) -> str:
    """`decided_by`: the reader and the verdicts of the rule, as text (`readers`)."""
    return _key(ENTRY_PREFIX, GENERATION, decided_by)


def _key(prefix: str, generation: CacheGeneration, decided_by: str) -> str:
    return generation.entry_key(prefix, _digest(decided_by))


def _digest(decided_by: str) -> str:
    return hashlib.sha256(decided_by.encode()).hexdigest()


def kept_ids(decided_by: str, read: Callable[[], Kept]) -> Kept:
    """What is kept under `decided_by` in this generation, or `read()` kept there."""
    return kept_under(ENTRY_PREFIX, GENERATION, decided_by, read)


def kept_under(
    prefix: str, generation: CacheGeneration, decided_by: str, read: Callable[[], Kept]
) -> Kept:
    """What is kept under `decided_by` in `generation`, or `read()` kept there
    (`CacheGeneration.kept`). Shared by every search of the reader: never changed by its
    users."""
    if seconds() <= 0:
        return read()
    return generation.kept(prefix, _digest(decided_by), read, seconds())
