"""Each hypothesis example starts from the same database and an empty cache.

pytest-django wraps a whole test, not each example, in a transaction: every example runs
in a savepoint that is rolled back, and rate limits (kept in the cache) start afresh.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction


@contextmanager
def fresh_example() -> Iterator[None]:
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()
