"""Timestamps read from PostgreSQL by psycopg's C parser (issue 17).

Django registers its own loader for `timestamptz` (`psycopg_any.BaseTzLoader`: psycopg's
parser, then the connection's time zone set on the value). Being a subclass, it is psycopg's
Python parser, not the C one that psycopg_binary gives every loader of its own: ~13 µs a
value, where the rest of a row's values cost under 1 µs. A page with many dated rows paid for
it in proportion to its rows: a request's 46 responses (two timestamps each) cost ~1.2 ms,
its 60 listed comments ~0.8 ms.

`CParsedTzLoader` is Django's loader with the C parser inside: the same value (the same
instant, the same `tzinfo` object set on it); it keeps Django's `timezone` attribute, which
Django compares with the connection's before each cursor (a connection whose time zone
changed gets Django's loader back, as before). Without psycopg's C module nothing changes.
"""

from datetime import tzinfo
from functools import cache

from django.db.backends.signals import connection_created

try:
    from django.db.backends.postgresql.psycopg_any import BaseTzLoader, is_psycopg3
except ImportError:  # no psycopg installed: nothing to speed up
    is_psycopg3 = False

if is_psycopg3:
    from psycopg._cmodule import _psycopg
    from psycopg.adapt import Loader

    C_PARSER = getattr(_psycopg, "TimestamptzLoader", None) if _psycopg else None
else:
    C_PARSER = None


@cache
def loader_for(zone: tzinfo | None) -> type:
    """Django's `timestamptz` loader for `zone` (`register_tzloader`), parsing in C: one
    class per zone (a process has one or two)."""

    class CParsedTzLoader(BaseTzLoader):
        timezone = zone

        def __init__(self, oid: int, context=None) -> None:
            # Not BaseTzLoader's: it reads the connection's settings for a parser unused here.
            Loader.__init__(self, oid, context)
            self._parse = C_PARSER(oid, context).load

        def load(self, data):
            return self._parse(data).replace(tzinfo=self.timezone)

    return CParsedTzLoader


def use_c_parser(sender, connection, **kwargs) -> None:
    """On each new PostgreSQL connection (`connection_created`): its `timestamptz` loader
    for the connection's time zone, as Django registered it, parsing in C."""
    if C_PARSER is None or connection.vendor != "postgresql":
        return
    adapters = connection.connection.adapters
    registered = adapters.get_loader(adapters.types["timestamptz"].oid, Loader.format)
    if not issubclass(registered, BaseTzLoader):
        return  # not Django's: leave it alone
    adapters.register_loader("timestamptz", loader_for(registered.timezone))


def parse_timestamps_in_c() -> None:
    connection_created.connect(use_c_parser, dispatch_uid="operations.timestamps_in_c")
