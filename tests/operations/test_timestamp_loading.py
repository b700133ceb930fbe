"""Timestamps read by psycopg's C parser (`operations.timestamp_loading`, issue 17): the same
values as Django's own loader, which parsed them in Python."""

import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import BaseTzLoader

from nfp_site.operations import timestamp_loading

pytestmark = pytest.mark.django_db

# Microseconds, the ends of the years Python can hold, offsets of whole and half hours,
# both sides of a change of summer time, a leap day.
TEXTS = [
    "2026-12-04 16:17:49.123456+00",
    "2026-12-04 16:17:49+00",
    "2027-03-28 00:59:59.999999+00",
    "2027-03-28 01:00:00+00",
    "2027-10-31 00:30:00+02",
    "2027-10-31 02:30:00+01",
    "2028-02-29 12:00:00+05:30",
    "0001-01-01 00:00:00+00",
    "9999-12-31 23:59:59.999999+00",
    "1970-01-01 00:00:00-09:30",
]


def _read(texts: list[str]) -> list:
    with connection.cursor() as cursor:
        cursor.execute("SELECT unnest(%s::text[])::timestamptz", [texts])
        return [row[0] for row in cursor.fetchall()]


def _read_with(loader: type, texts: list[str]) -> list:
    adapters = connection.connection.adapters
    kept = adapters.get_loader(adapters.types["timestamptz"].oid, loader.format)
    adapters.register_loader("timestamptz", loader)
    try:
        return _read(texts)
    finally:
        adapters.register_loader("timestamptz", kept)


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("psycopg is PostgreSQL's driver")
    connection.ensure_connection()


def test_every_new_connection_reads_timestamps_with_the_c_parser(postgresql):
    if timestamp_loading.C_PARSER is None:
        pytest.skip("psycopg without its C module: Django's loader is left as it is")
    adapters = connection.connection.adapters
    loader = adapters.get_loader(adapters.types["timestamptz"].oid, BaseTzLoader.format)

    assert loader.__name__ == "CParsedTzLoader"
    # Django's check before each cursor finds the connection's time zone: it keeps ours.
    assert loader.timezone == connection.timezone


def test_the_values_are_those_djangos_loader_reads(postgresql):
    if timestamp_loading.C_PARSER is None:
        pytest.skip("psycopg without its C module")

    class DjangosLoader(BaseTzLoader):
        timezone = connection.timezone

    faster = _read_with(timestamp_loading.loader_for(connection.timezone), TEXTS)
    djangos = _read_with(DjangosLoader, TEXTS)

    assert faster == djangos
    for ours, theirs in zip(faster, djangos, strict=True):
        assert ours.tzinfo is theirs.tzinfo
        assert ours.isoformat() == theirs.isoformat()


def test_a_value_python_cannot_hold_is_refused_by_both(postgresql):
    if timestamp_loading.C_PARSER is None:
        pytest.skip("psycopg without its C module")

    class DjangosLoader(BaseTzLoader):
        timezone = connection.timezone

    for text in ("infinity", "-infinity"):
        errors = []
        for loader in (timestamp_loading.loader_for(connection.timezone), DjangosLoader):
            with pytest.raises(Exception) as refused:
                _read_with(loader, [text])
            errors.append(type(refused.value))
        assert errors[0] is errors[1]
