"""Issue 17's and issue 18's targets, judged on one run of the bench: which pages meet them.

The bench measures; this says, target by target, which rows fall outside, so that a run's
report answers "are the targets met?" without reading 70 lines by eye (BENCHMARKS.md).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import compare, pages
from .report import Row

CACHED_SHARE_OF_CEILING = 0.7
RESTRICTED_PER_SECOND = 60
NETWORK_OVER_DEMO_CPU = 1.2
SEARCH_P95_MS = 300
OVER_BAKERYDEMO = 2
# The query budgets: any page of the site, and the heavier admin screens.
SITE_PAGE_QUERIES = 15
ADMIN_SCREEN_QUERIES = 25


@dataclass(frozen=True)
class Verdict:
    target: str
    judged: int
    # "page (role): what it measured", for each row outside the target.
    outside: tuple[str, ...]

    @property
    def met(self) -> bool:
        return self.judged > 0 and not self.outside


def _judge(
    target: str,
    rows: Iterable[Row],
    value: Callable[[Row], float | None],
    within: Callable[[float], bool],
    shown: Callable[[float], str],
) -> Verdict:
    judged, outside = 0, []
    for row in rows:
        measured = value(row)
        if measured is None:
            continue
        judged += 1
        if not within(measured):
            outside.append(f"{row.label} ({row.role}): {shown(measured)}")
    return Verdict(target, judged, tuple(outside))


def _one_at_a_time(row: Row) -> bool:
    return row.connections == 1


def verdicts(rows: list[Row], baseline: dict[tuple[str, str], Row] | None = None) -> list[Verdict]:
    """Each target with the rows it applies to in this run; a target no row measures is
    reported as not judged rather than met."""
    ceiling = next((row for row in rows if row.ceiling), None)
    found = []
    if ceiling is not None and ceiling.per_second:
        found.append(
            _judge(
                f"cached public pages ≥ {CACHED_SHARE_OF_CEILING:.0%} of the ceiling",
                (row for row in rows if row.kind == pages.CACHED_PUBLIC),
                lambda row: row.per_second / ceiling.per_second,
                lambda share: share >= CACHED_SHARE_OF_CEILING,
                lambda share: f"{share:.2f}×",
            )
        )
    # A row loaded by one connection measures a member's wait, not the server's throughput.
    # The issue sets this target for the restricted pages of the site; Wagtail's admin
    # screens are held to their query budget (below), their req/s are in the table.
    found.append(
        _judge(
            f"restricted pages ≥ {RESTRICTED_PER_SECOND} req/s",
            (row for row in rows if row.kind == pages.RESTRICTED and not _one_at_a_time(row)),
            lambda row: row.per_second,
            lambda per_second: per_second >= RESTRICTED_PER_SECOND,
            lambda per_second: f"{per_second:.0f} req/s",
        )
    )
    for kind_of_page, budget, judged_rows in (
        (
            "site pages",
            SITE_PAGE_QUERIES,
            (
                row
                for row in rows
                if not row.ceiling and row.kind not in {pages.ADMIN, compare.COMPARED}
            ),
        ),
        ("admin screens", ADMIN_SCREEN_QUERIES, (row for row in rows if row.kind == pages.ADMIN)),
    ):
        found.append(
            _judge(
                f"queries ≤ {budget} on {kind_of_page}",
                judged_rows,
                lambda row: row.queries,
                lambda queries, budget=budget: queries <= budget,
                lambda queries: f"{queries} queries",
            )
        )
    found.append(
        _judge(
            f"members' search p95 < {SEARCH_P95_MS} ms, one request at a time",
            (
                row
                for row in rows
                if row.label.startswith("members' search") and _one_at_a_time(row)
            ),
            lambda row: row.p95_ms,
            lambda p95: p95 < SEARCH_P95_MS,
            lambda p95: f"{p95:.0f} ms",
        )
    )
    # Only in a run that loaded the comparison site (`--compare-url`): our page's req/s over
    # its bakerydemo equivalent's, loaded right after it with the same load.
    paired = [(ours, theirs) for ours, _equivalent, theirs in compare.pairs(rows) if theirs]
    if paired:
        over = {ours.label: theirs.per_second for ours, theirs in paired if theirs.per_second}
        found.append(
            _judge(
                f"uncached public pages ≥ {OVER_BAKERYDEMO}× bakerydemo's equivalents (req/s)",
                (ours for ours, _theirs in paired),
                lambda row: row.per_second / over[row.label] if row.label in over else None,
                lambda times: times >= OVER_BAKERYDEMO,
                lambda times: f"{times:.2f}×",
            )
        )
    if baseline is not None:

        def compared(row: Row) -> float | None:
            before = baseline.get((row.label, row.role))
            if row.kind == compare.COMPARED:
                return None  # not our page
            if row.ceiling or before is None or not before.cpu_ms or row.cpu_ms is None:
                return None
            return row.cpu_ms / before.cpu_ms

        found.append(
            _judge(
                f"CPU per request within {NETWORK_OVER_DEMO_CPU}× of the baseline",
                rows,
                compared,
                lambda times: times <= NETWORK_OVER_DEMO_CPU,
                lambda times: f"{times:.2f}×",
            )
        )
    return found


def section(found: list[Verdict]) -> str:
    """The verdicts as a Markdown table: target, status, the rows outside it."""
    lines = ["| target | status | outside the target |", "|---|---|---|"]
    for verdict in found:
        if not verdict.judged:
            status = "not measured in this run"
        elif verdict.met:
            status = f"**met** ({verdict.judged} measured)"
        else:
            status = f"**not met**: {len(verdict.outside)} of {verdict.judged}"
        lines.append(f"| {verdict.target} | {status} | {'; '.join(verdict.outside) or '–'} |")
    return "\n".join(lines)
