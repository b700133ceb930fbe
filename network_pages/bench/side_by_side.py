"""A baseline served beside the measured site: each page is loaded there right before it is
loaded here, so that the CPU per request of the two sizes is compared within the same
minute (`bench --baseline-database`): before and after it, and the mean of the two taken;
with `--rounds N`, ours N times and the baseline's N + 1, alternated, and the medians taken.

Compared across two runs ten minutes apart, the same page differed by up to 30% on a shared
machine, and issue 17's "within 1.2× of demo size" was judged on that noise. Side by side,
whatever slows the machine slows both measurements alike.

The baseline's pages are its own (a meeting's address differs from one database to the
other): this command lists them, run on the baseline database (`--list-targets`), and
they are matched by page and role.
"""

import json
import os
import subprocess
import sys
from dataclasses import asdict, replace

from . import pages, report, serve

LIST_TARGETS = "--list-targets"


def targets_as_json(census_summary: str, targets: list[pages.Target]) -> str:
    return json.dumps({"census": census_summary, "targets": [asdict(t) for t in targets]})


def baseline_targets(database_url: str) -> tuple[str, dict[tuple[str, str], pages.Target]]:
    """The baseline database's census and its pages by (label, role), listed by this command
    run on it (nothing is grown or migrated there)."""
    done = subprocess.run(  # noqa: S603 - this interpreter, this project's manage.py
        [sys.executable, str(serve.ROOT / "manage.py"), "bench", "--no-grow", LIST_TARGETS],
        env={**os.environ, "DATABASE_URL": database_url},
        cwd=serve.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BaselineUnavailable(done.stderr.strip().splitlines()[-1:] or ["no output"])
    listed = json.loads(done.stdout.strip().splitlines()[-1])
    found = (pages.Target(**target) for target in listed["targets"])
    return listed["census"], {(t.label, t.role): t for t in found}


class BaselineUnavailable(Exception):
    pass


def around(before: report.Row, after: report.Row) -> report.Row:
    """The baseline's page measured right before and right after ours, as one row: the mean
    of the two, so that a drift of the machine during ours weighs on both sides alike."""
    return median_of([before, after])


def median_of(measured: list[report.Row]) -> report.Row:
    """One page measured several times (`bench --rounds`, alternated with the baseline), as
    one row: the median of each figure (of two, their mean), so that one slow moment of the
    machine does not decide a page's ratio. Errors add up."""

    def median(values: list[float | None]) -> float | None:
        known = sorted(value for value in values if value is not None)
        if not known:
            return None
        middle = len(known) // 2
        return known[middle] if len(known) % 2 else (known[middle - 1] + known[middle]) / 2

    first = measured[0]
    return replace(
        first,
        per_second=median([row.per_second for row in measured]),
        p50_ms=median([row.p50_ms for row in measured]),
        p95_ms=median([row.p95_ms for row in measured]),
        p99_ms=median([row.p99_ms for row in measured]),
        cpu_ms=median([row.cpu_ms for row in measured]),
        errors=sum(row.errors for row in measured),
    )
