"""Issue 17's comparison with Wagtail's bakerydemo: "uncached public pages ≥ 2× bakerydemo's
equivalents at scale". Each of our public pages rendered past the cache is loaded, then its
bakerydemo equivalent right after it, with the same load, in the same run (`--compare-url`);
BENCHMARKS.md says how the bakerydemo site is set up (outside this repository).

bakerydemo is a bakery's site: its pages are matched by the job they do (a home page, a
listing of dated posts, one post, a paginated catalogue, one entry of it, a list of places,
one place with its details, a search), not by their content.
"""

from dataclasses import dataclass

from .pages import ANONYMOUS, Target
from .report import Row

# What a row of the comparison site is, for the targets (verdict.py judges it only paired).
COMPARED = "bakerydemo page"
LABEL_PREFIX = "bakerydemo: "


@dataclass(frozen=True)
class Equivalent:
    ours: str  # the label of our row
    theirs: str  # what the bakerydemo page is
    path: str | None  # its path on the bakerydemo site; None where bakerydemo has none


# The paths are those of bakerydemo's fixture (bakerydemo/base/fixtures/bakerydemo.json).
EQUIVALENTS = (
    Equivalent("home page, rendered", "home page", "/"),
    Equivalent("news index, rendered", "blog index", "/blog/"),
    Equivalent("news item, rendered", "blog page", "/blog/bread-and-circuses/"),
    Equivalent("publications index, rendered", "breads index (12 a page)", "/breads/"),
    Equivalent("publication, rendered", "bread page", "/breads/baguette/"),
    Equivalent("good practices index, rendered", "locations index", "/locations/"),
    Equivalent("good practice, rendered", "location page", "/locations/vik/"),
    Equivalent("search", "search", "/search/?q=bread"),
    # bakerydemo publishes no feed (nor any other syndication view).
    Equivalent("feed, rendered", "none: bakerydemo has no feed", None),
)
BY_OURS = {equivalent.ours: equivalent for equivalent in EQUIVALENTS}


def equivalent_target(ours: Target) -> Target | None:
    """The bakerydemo page to load after `ours`, if it is one of the compared pages and
    bakerydemo has an equivalent; loaded as an anonymous visitor, as ours are."""
    equivalent = BY_OURS.get(ours.label)
    if equivalent is None or equivalent.path is None or ours.role != ANONYMOUS:
        return None
    return Target(
        f"{LABEL_PREFIX}{equivalent.theirs}",
        ANONYMOUS,
        equivalent.path,
        connections=ours.connections,
        kind=COMPARED,
    )


def pairs(rows: list[Row]) -> list[tuple[Row, Equivalent, Row | None]]:
    """Each of our compared rows of the run, with its equivalent and the bakerydemo row
    loaded after it (None where bakerydemo has no such page), in the order of the run."""
    theirs = {row.compared_with: row for row in rows if row.kind == COMPARED}
    return [
        (row, BY_OURS[row.label], theirs.get(row.label))
        for row in rows
        if row.kind != COMPARED and row.role == ANONYMOUS and row.label in BY_OURS
    ]
