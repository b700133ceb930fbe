"""Public pages, selected by their place in the tree rather than one clause per restriction.

Wagtail's `PageQuerySet.public()` adds a `NOT path LIKE` clause for every
`PageViewRestriction`, and the network area holds one per meeting and members-only
workspace: the SQL of every public listing grew with the network's history. A restriction
closes its whole subtree, so only the outermost restricted pages matter (the network roots,
one per language): their paths are computed once, kept in the cache, and forgotten whenever
a restriction is added or removed or a page moves or is deleted (home/signals.py).
"""

from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q, QuerySet
from wagtail.models import Page, PageViewRestriction

QS = TypeVar("QS", bound=QuerySet)

RESTRICTED_ROOTS_KEY = "nfp:public_pages:restricted_roots"
# A safety net only: every change that matters forgets the value at once.
RESTRICTED_ROOTS_SECONDS = 24 * 3600


def _outermost(paths: list[str]) -> list[str]:
    """The paths not below another one of the list (sorted: an ancestor comes first)."""
    roots: list[str] = []
    for path in sorted(set(paths)):
        if not roots or not path.startswith(roots[-1]):
            roots.append(path)
    return roots


def restricted_root_paths() -> list[str]:
    """Tree paths of the outermost pages carrying a view restriction."""
    paths = cache.get(RESTRICTED_ROOTS_KEY)
    if paths is None:
        paths = _outermost(
            list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
        )
        cache.set(RESTRICTED_ROOTS_KEY, paths, RESTRICTED_ROOTS_SECONDS)
    return paths


def forget_restricted_roots() -> None:
    """Now, and again once the transaction commits: another process may have read the old
    rows in between and stored them again."""
    cache.delete(RESTRICTED_ROOTS_KEY)
    transaction.on_commit(lambda: cache.delete(RESTRICTED_ROOTS_KEY))


def only_public(queryset: QS, roots: list[str] | None = None) -> QS:
    """`queryset` without any page in a restricted subtree (what `.public()` means), with a
    clause per outermost restricted root instead of one per restriction (`roots`, if the
    caller has just read them: `restricted_root_paths()`)."""
    hidden = Q()
    for path in restricted_root_paths() if roots is None else roots:
        hidden |= Q(path__startswith=path)
    return queryset.exclude(hidden) if hidden else queryset


def is_public_path(path: str) -> bool:
    """Whether a page at this tree path is outside every restricted subtree (no query)."""
    return not any(path.startswith(root) for root in restricted_root_paths())


def is_public(page: Page) -> bool:
    return is_public_path(page.path)
