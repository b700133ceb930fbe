"""A baseline served beside the measured site: each page is loaded there right before it is
loaded here, so that the CPU per request of the two sizes is compared within the same
minute (`bench --baseline-database`): before and after it, and the mean of the two taken.

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

    def mean(first: float | None, second: float | None) -> float | None:
        known = [value for value in (first, second) if value is not None]
        return sum(known) / len(known) if known else None

    return replace(
        before,
        per_second=(before.per_second + after.per_second) / 2,
        p50_ms=mean(before.p50_ms, after.p50_ms),
        p95_ms=mean(before.p95_ms, after.p95_ms),
        p99_ms=mean(before.p99_ms, after.p99_ms),
        cpu_ms=mean(before.cpu_ms, after.cpu_ms),
        errors=before.errors + after.errors,
    )
