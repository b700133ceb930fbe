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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import connection
from django.db.models import Lookup, Model, QuerySet
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

_STAND_IN = "\x00nfp-prepared-"
# Within a 32-bit integer column's range (a value outside it is compiled away), never an id.
_INT_STAND_IN = -2_147_000_000
_DATE_STAND_IN = date(1, 1, 1)
_DATETIME_STAND_IN = datetime(2, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class _Slot:
    index: int
    # The parameter's own type when the ORM wrapped the value (psycopg's `Int4`, which
    # Django puts around the values of a filter on a window function): the real value is
    # wrapped the same way.
    wrap: type | None = None


@dataclass(frozen=True)
class Prepared:
    sql: str
    template: tuple  # each parameter: a constant, or the _Slot of an argument's value
    # For model instances: what Django's ModelIterable reads from the compiler.
    compiler: object = None
    model: type[Model] | None = None
    fields: tuple[int, int] = (0, 0)  # where the model's own columns are in a row
    init_list: tuple[str, ...] = ()
    related_populators: tuple = ()
    annotation_col_map: tuple = ()


_prepared: dict[tuple, Prepared | None] = {}


def _stand_in(value, index: int):
    if isinstance(value, str):
        return f"{_STAND_IN}{index}"
    if isinstance(value, int) and not isinstance(value, bool):
        return _INT_STAND_IN - index
    if type(value) is date:
        return _DATE_STAND_IN + timedelta(days=index)
    if type(value) is datetime and value.tzinfo is not None:
        return _DATETIME_STAND_IN + timedelta(days=index)
    raise TypeError(
        f"only str, int, date and aware datetime values are prepared, not {type(value).__name__}"
    )


def _flat(arguments: Sequence) -> list:
    return [v for a in arguments for v in (a if isinstance(a, list | tuple) else [a])]


def _prepare(
    build: Callable[..., QuerySet],
    arguments: Sequence,
    *,
    objects: bool = False,
    rows: bool = False,
) -> Prepared | None:
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
        queryset = build(*stand_ins)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
    except (EmptyResultSet, ValueError, TypeError, ValidationError):
        # Nothing to prepare (no SQL), or a stand-in the field refuses: compiled each time,
        # where the real values raise what they would.
        return None
    # The stand-ins that are not texts, as a text the build could have written them in.
    written = [str(stand_in) for stand_in in slots if not isinstance(stand_in, str)]
    template = []
    for param in params:
        slot = slots.get(param) if type(param) in (str, int, date, datetime) else None
        if slot is None and isinstance(param, int) and not isinstance(param, bool):
            slot = slots.get(int(param))
            slot = slot and _Slot(slot.index, wrap=type(param))
        if slot is None and isinstance(param, str) and _STAND_IN in param:
            return None  # transformed by a lookup: the value cannot simply be put in place
        if slot is None and isinstance(param, str) and any(t in param for t in written):
            return None  # a number or a date written into a text (a pattern of ids)
        template.append(slot if slot is not None else param)
    if {s.index for s in template if isinstance(s, _Slot)} != set(range(index)):
        return None  # a value left out of the parameters (inlined in the SQL, or dropped)
    if rows:
        query = queryset.query
        columns = (*query.extra_select, *query.values_select, *query.annotation_select)
        if queryset._iterable_class is not ValuesListIterable or tuple(queryset._fields) != columns:
            return None  # only rows whose columns come in the order they were asked for
        return Prepared(sql, tuple(template), compiler=compiler)
    if not objects:
        return Prepared(sql, tuple(template))
    if (
        queryset._iterable_class is not ModelIterable
        or queryset._prefetch_related_lookups
        or queryset._known_related_objects
        or compiler.has_extra_select
    ):
        return None  # only what ModelIterable alone makes of the rows
    # As ModelIterable reads them, once: the compiler's columns, kept with the SQL.
    select, klass_info = compiler.select, compiler.klass_info
    start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    return Prepared(
        sql,
        tuple(template),
        compiler=compiler,
        model=klass_info["model"],
        fields=(start, end),
        init_list=tuple(column[0].target.attname for column in select[start:end]),
        related_populators=tuple(get_related_populators(klass_info, select, queryset.db)),
        annotation_col_map=tuple((compiler.annotation_col_map or {}).items()),
    )


def _found(
    name: str,
    build: Callable[..., QuerySet],
    arguments: Sequence,
    *,
    objects: bool,
    rows: bool = False,
):
    shape = (
        name,
        connection.vendor,
        objects,
        rows,
        *((type(a), len(a)) if isinstance(a, list | tuple) else (type(a),) for a in arguments),
    )
    if shape not in _prepared:
        _prepared[shape] = _prepare(build, arguments, objects=objects, rows=rows)
    return _prepared[shape]


def _params(found: Prepared, arguments: Sequence) -> list:
    values = _flat(arguments)
    return [
        (values[p.index] if p.wrap is None else p.wrap(values[p.index]))
        if isinstance(p, _Slot)
        else p
        for p in found.template
    ]


def prepared(name: str, build: Callable[..., QuerySet], *arguments) -> tuple[str, list]:
    """The SQL and parameters of `build(*arguments)` (each argument a str, an int, a date,
    an aware datetime, or a list of them), compiled once per process for each `name` and
    length of each list.

    `build` must depend on its arguments alone: what else it puts in the SQL (a slice's
    LIMIT, a constant) is compiled in once for that name. That its arguments all reach the
    parameters unchanged is checked; that nothing else varies is the caller's promise."""
    found = _found(name, build, arguments, objects=False)
    if found is None:
        sql, params = build(*arguments).query.sql_with_params()
        return sql, list(params)
    return found.sql, _params(found, arguments)


def prepared_objects(name: str, build: Callable[..., QuerySet], *arguments) -> list[Model]:
    """`list(build(*arguments))`, its SQL compiled once per shape as `prepared`'s, the rows
    made into instances (with their `select_related` objects and annotations) as Django's
    ModelIterable makes them. A queryset that prefetches is listed as it is, every time."""
    found = _found(name, build, arguments, objects=True)
    if found is None:
        return list(build(*arguments))
    with connection.cursor() as cursor:
        cursor.execute(found.sql, _params(found, arguments))
        rows = cursor.fetchall()
    start, end = found.fields
    objects = []
    for row in found.compiler.results_iter([rows]):
        instance = found.model.from_db(connection.alias, found.init_list, row[start:end])
        for populator in found.related_populators:
            populator.populate(row, instance)
        for name_, position in found.annotation_col_map:
            setattr(instance, name_, row[position])
        objects.append(instance)
    return objects


def prepared_rows(name: str, build: Callable[..., QuerySet], *arguments) -> list[tuple]:
    """`list(build(*arguments))` for a `values_list()` queryset (a union of them too) whose
    columns are selected in the order it names them (annotated in that order), its SQL
    compiled once per shape as `prepared`'s, each value converted as Django converts it."""
    found = _found(name, build, arguments, objects=False, rows=True)
    if found is None:
        return list(build(*arguments))
    with connection.cursor() as cursor:
        cursor.execute(found.sql, _params(found, arguments))
        rows = cursor.fetchall()
    return list(found.compiler.results_iter([rows], tuple_expected=True))


# --- a list as one parameter ------------------------------------------------------------


class AnyOf(Lookup):
    """`lhs IN (values)` as a condition of its own (`filter(AnyOf(F("page__path"), paths))`):
    in PostgreSQL `lhs = ANY(%s)`, the values one array parameter, so that the SQL is the
    same for any number of them (`prepared_array`); elsewhere `IN (%s, %s, ...)`. Equality
    with each value, as `__in`: no value is a pattern."""

    lookup_name = "nfp_any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if not values:
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            return f"{lhs_sql} = ANY(%s)", [*lhs_params, values]
        placeholders = ", ".join(["%s"] * len(values))
        return f"{lhs_sql} IN ({placeholders})", [*lhs_params, *values]


_prepared_arrays: dict[tuple, Prepared | None] = {}


def _prepare_array(build: Callable[[list], QuerySet]) -> Prepared | None:
    stand_in = [f"{_STAND_IN}array"]
    try:
        queryset = build(stand_in)
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    except (EmptyResultSet, ValueError, TypeError, ValidationError):
        return None
    template = []
    for param in params:
        if isinstance(param, list) and param == stand_in:
            template.append(_Slot(0))
        elif isinstance(param, str) and _STAND_IN in param:
            return None  # the list's value written into another parameter
        else:
            template.append(param)
    if sum(isinstance(param, _Slot) for param in template) != 1:
        return None  # not one array parameter (another database, or the list left out)
    return Prepared(sql, tuple(template))


def prepared_array(name: str, build: Callable[[list], QuerySet], values: list) -> tuple[str, list]:
    """The SQL and parameters of `build(values)`, a queryset that takes the whole list as one
    parameter (`AnyOf`, in PostgreSQL): compiled once per process for `name`, whatever the
    number of values. The SQL is then the same text at every use: psycopg keeps its parsing
    of a query only up to 50 parameters and 4 KB, and a list of 200 paths written out as
    that many parameters was parsed again at every request (issue 17). Anything else (a
    build that does not give one array parameter) is compiled every time."""
    shape = (name, connection.vendor)
    if shape not in _prepared_arrays:
        _prepared_arrays[shape] = _prepare_array(build)
    found = _prepared_arrays[shape]
    if found is None:
        sql, params = build(values).query.sql_with_params()
        return sql, list(params)
    array = array_parameter(values)
    return found.sql, [array if isinstance(p, _Slot) else p for p in found.template]


# What may be written into an array literal as it is: no quote, comma, brace, space or
# backslash (tree paths, integers written by `str`); and never the word NULL, which an
# array literal reads as no value.
_PLAIN_ELEMENT = re.compile(r"-?[0-9A-Za-z_]+")


def array_parameter(values: list) -> list | str:
    """`values` as one array parameter: written as PostgreSQL writes an array (`{1,2,3}`,
    the parameter then a literal of the column's array type) when every value is an
    integer or a plain word; the list itself otherwise. psycopg quotes a list element by
    element in Python, one string at once: in-process, the network home's restrictions on
    ~200 tree paths went from 0.54 to 0.48 ms, a meeting's owner rule for its 32 documents
    (seven lists) from 0.60 to 0.57 ms (issue 17)."""
    written = []
    for value in values:
        if type(value) is int:
            written.append(str(value))
        elif type(value) is str and _PLAIN_ELEMENT.fullmatch(value) and value.upper() != "NULL":
            written.append(value)
        else:
            return list(values)
    return "{" + ",".join(written) + "}"
