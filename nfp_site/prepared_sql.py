"""SQL compiled once per process for the queries every page runs (issue 17).

Building a queryset and compiling it costs more CPU than PostgreSQL takes to answer the
small queries each network page runs before its content (its route, its restrictions):
~1–2 ms each on this machine. Their shape never changes, only their values: `prepared`
compiles a queryset once per shape with stand-in values, finds where each stand-in went
among the parameters, and from then on only puts the real values there.

Safe by construction: a shape whose stand-ins do not come back unchanged among the
parameters (a lookup that transforms its value, an empty list the ORM answers without SQL)
is never prepared: the queryset is built and compiled every time, as before.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet

_STAND_IN = "\x00nfp-prepared-"
# Within a 32-bit integer column's range (a value outside it is compiled away), never an id.
_INT_STAND_IN = -2_147_000_000


@dataclass(frozen=True)
class _Slot:
    index: int


@dataclass(frozen=True)
class Prepared:
    sql: str
    template: tuple  # each parameter: a constant, or the _Slot of an argument's value


_prepared: dict[tuple, Prepared | None] = {}


def _stand_in(value, index: int):
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"only str and int values are prepared, not {type(value).__name__}")
    return f"{_STAND_IN}{index}" if isinstance(value, str) else _INT_STAND_IN - index


def _flat(arguments: Sequence) -> list:
    return [v for a in arguments for v in (a if isinstance(a, list | tuple) else [a])]


def _prepare(build: Callable[..., QuerySet], arguments: Sequence) -> Prepared | None:
    index = 0
    stand_ins, slots = [], {}
    for argument in arguments:
        values = argument if isinstance(argument, list | tuple) else [argument]
        replaced = []
        for value in values:
            stand_in = _stand_in(value, index)
            slots[stand_in] = _Slot(index)
            replaced.append(stand_in)
            index += 1
        stand_ins.append(replaced if isinstance(argument, list | tuple) else replaced[0])
    try:
        sql, params = build(*stand_ins).query.sql_with_params()
    except EmptyResultSet:
        return None
    template = []
    for param in params:
        slot = slots.get(param) if isinstance(param, str | int) else None
        if slot is None and isinstance(param, str) and _STAND_IN in param:
            return None  # transformed by a lookup: the value cannot simply be put in place
        template.append(slot if slot is not None else param)
    if {s.index for s in template if isinstance(s, _Slot)} != set(range(index)):
        return None  # a value left out of the parameters (inlined in the SQL, or dropped)
    return Prepared(sql, tuple(template))


def prepared(name: str, build: Callable[..., QuerySet], *arguments) -> tuple[str, list]:
    """The SQL and parameters of `build(*arguments)` (each argument a str, an int, or a
    list of them), compiled once per process for each `name` and length of each list."""
    shape = (
        name,
        connection.vendor,
        *((type(a), len(a)) if isinstance(a, list | tuple) else (type(a),) for a in arguments),
    )
    if shape not in _prepared:
        _prepared[shape] = _prepare(build, arguments)
    found = _prepared[shape]
    if found is None:
        sql, params = build(*arguments).query.sql_with_params()
        return sql, list(params)
    values = _flat(arguments)
    return found.sql, [values[p.index] if isinstance(p, _Slot) else p for p in found.template]
