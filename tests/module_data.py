"""Data that every test of a module reads, built once per module instead of once per test.

`module_transaction` opens a transaction before the module's first test and rolls it back
after its last one. The module's data is built inside it; each test then runs in a savepoint
inside it (pytest-django's transaction nests), rolled back at the test's end, so a test that
changes or deletes the shared rows leaves them whole for the next one. A fixture that hands
the data to tests reads it again from the database by id for each test: no test sees another
test's changes to a Python object either.

A transactional test (ends in a flush) cannot run inside that transaction: a module that
has one does not use module data.
"""

from collections.abc import Iterator
from contextlib import AbstractContextManager

import pytest
from django.core.cache import cache
from django.db import transaction

from tests.site_snapshot import flushes_the_database


@pytest.fixture(scope="module")
def module_transaction(
    request, django_db_setup, django_db_blocker
) -> Iterator[AbstractContextManager]:
    """Yields `unblock()`: build the module's data under it (`with module_transaction():`)."""
    transactional = [
        item.name
        for item in request.session.items
        if item.module is request.module and flushes_the_database(item)
    ]
    if transactional:
        pytest.fail(f"module data cannot be shared with transactional tests: {transactional}")
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield django_db_blocker.unblock
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
        cache.clear()


def every_test_asks_for(request, fixture: str) -> bool:
    """True if every test of the requesting module uses `fixture`. Data of the module is seen
    by all its tests, even those that do not ask for it (a count, a listing, a slug taken):
    where some test does not ask for it, the fixture builds it per test instead."""
    return all(
        fixture in item.fixturenames
        for item in request.session.items
        if item.module is request.module
    )
