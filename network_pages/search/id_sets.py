"""A set of ids as the members' search's query reads it: the ids themselves, or, when they
are most of the ids up to the highest of them, the range up to it without the others.

The pages a reader may open, the pages whose comments they read and the documents they may
download are kept as arrays of ids (`readers`): at network size a Focal Point opens 3,935
of the site's 3,954 pages and downloads nearly all of its 5,505 documents, and the three
arrays made some 65 KB of the search's query text, which the database parsed at every
search (issue 17). Written as what they leave out, they are a few dozen ids.

Both forms name the same rows: an id the array leaves out within the range is among those
written out, an id above the highest is in neither (ids only grow: a page or document
created later has a higher id, and starts a new generation of what is kept anyway), and a
row without an id (NULL) is in neither.
"""

from functools import lru_cache
from typing import NamedTuple

from django.db.models import Q
from django.db.models.expressions import RawSQL

UNNEST = "SELECT unnest(%s::integer[])"


class IdSet(NamedTuple):
    # "{1,2,3}": the ids themselves, or those of 1 to `highest` left out (`outside`).
    array: str
    outside: bool
    highest: int


def array_of(ids) -> str:
    """The ids as PostgreSQL writes an array of integers (`{1,2,3}`)."""
    # Integers, written by int(): nothing else reaches the SQL.
    return "{" + ",".join(str(int(pk)) for pk in ids) + "}"


@lru_cache(maxsize=256)
def compact(ids: str) -> IdSet:
    """`ids` (an array as `array_of` writes it, or its elements separated by commas), in
    the shorter of its two forms. Kept: the same arrays come back at every search."""
    numbers = {int(number) for number in ids.strip("{}").split(",") if number.strip()}
    if not numbers:
        return IdSet("{}", False, 0)
    highest = max(numbers)
    if highest > 2 * len(numbers):
        # Fewer than half of the ids up to the highest: the ids themselves are shorter.
        return IdSet(array_of(sorted(numbers)), False, highest)
    left_out = [pk for pk in range(1, highest + 1) if pk not in numbers]
    if len(left_out) < len(numbers):
        return IdSet(array_of(left_out), True, highest)
    return IdSet(array_of(sorted(numbers)), False, highest)


def among(field: str, ids: str) -> Q:
    """`field` among `ids`: `field IN (SELECT unnest('{1,2,3}'::integer[]))`, the array one
    parameter (the database hashes its elements once and looks each row up), or `field`
    between 1 and the highest id and not among those left out."""
    written = compact(ids)
    listed = Q(**{f"{field}__in": RawSQL(UNNEST, (written.array,))})  # noqa: S611 - one parameter
    if not written.outside:
        return listed
    return Q(**{f"{field}__gte": 1, f"{field}__lte": written.highest}) & ~listed
