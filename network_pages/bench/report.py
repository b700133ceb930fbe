"""The bench's results as a Markdown table (and as JSON, to compare two runs)."""

import json
from dataclasses import asdict, dataclass
from pathlib import Path

COLUMNS = (
    "page",
    "as",
    "HTTP",
    "queries",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "CPU ms/req",
    "× ceiling",
)


@dataclass(frozen=True)
class Row:
    """One page as one role, measured."""

    label: str
    role: str
    path: str
    status: int | None
    queries: int | None
    per_second: float
    p50_ms: float | None
    p99_ms: float | None
    cpu_ms: float | None
    errors: int = 0
    ceiling: bool = False
    # Last, with defaults: the runs saved before they were measured still read back.
    p95_ms: float | None = None
    kind: str = ""
    connections: int | None = None
    # On a row of the comparison site (`--compare-url`): the label of our row it goes with.
    compared_with: str = ""


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def ratio(row: Row, ceiling: Row | None) -> float | None:
    if ceiling is None or not ceiling.per_second:
        return None
    return row.per_second / ceiling.per_second


def table(rows: list[Row], *, baseline: dict[tuple[str, str], Row] | None = None) -> str:
    """The results, one line per page and role; with `baseline` (an earlier run, by page and
    role), a last column says how this run's CPU per request compares with it."""
    ceiling = next((row for row in rows if row.ceiling), None)
    columns = list(COLUMNS) + (["CPU vs baseline"] if baseline is not None else [])
    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "|".join("---" if n < 2 else "--:" for n in range(len(columns))) + "|",
    ]
    for row in rows:
        status = "–" if row.status is None else str(row.status)
        if row.errors:
            status += f" ({row.errors} errors)"
        cells = [
            row.label,
            row.role,
            status,
            "–" if row.queries is None else str(row.queries),
            _number(row.per_second, 0),
            _number(row.p50_ms),
            _number(row.p95_ms),
            _number(row.p99_ms),
            _number(row.cpu_ms),
            _number(ratio(row, ceiling), 2),
        ]
        if baseline is not None:
            before = baseline.get((row.label, row.role))
            compared = None
            if before is not None and before.cpu_ms and row.cpu_ms is not None:
                compared = row.cpu_ms / before.cpu_ms
            cells.append("–" if compared is None else f"{compared:.2f}×")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def comparison_table(pairs: list[tuple[Row, str, Row | None]]) -> str:
    """Our pages beside their equivalents on the comparison site, loaded one after the other:
    req/s and CPU per request of each, and how many times ours serves theirs' req/s and
    how many times less CPU it spends (a missing equivalent is named, its cells dashed)."""
    lines = [
        "| our page | req/s | CPU ms/req | equivalent | req/s | CPU ms/req "
        "| req/s ratio | CPU ratio |",
        "|---|--:|--:|---|--:|--:|--:|--:|",
    ]
    for ours, name, theirs in pairs:
        per_second = cpu = None
        if theirs is not None and theirs.per_second:
            per_second = ours.per_second / theirs.per_second
        if theirs is not None and theirs.cpu_ms and ours.cpu_ms:
            cpu = theirs.cpu_ms / ours.cpu_ms
        cells = [
            ours.label,
            _number(ours.per_second, 0),
            _number(ours.cpu_ms),
            name,
            _number(None if theirs is None else theirs.per_second, 0),
            _number(None if theirs is None else theirs.cpu_ms),
            "–" if per_second is None else f"{per_second:.2f}×",
            "–" if cpu is None else f"{cpu:.2f}×",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def document(header: list[str], rows: list[Row], **kwargs) -> str:
    """The whole report: what was measured where (a bullet per line), then the table."""
    return "\n".join([*(f"- {line}" for line in header), "", table(rows, **kwargs), ""])


def save_json(path: Path, header: list[str], rows: list[Row]) -> None:
    path.write_text(json.dumps({"header": header, "rows": [asdict(r) for r in rows]}, indent=1))


def load_json(path: Path) -> dict[tuple[str, str], Row]:
    """An earlier run's rows, by (page, role)."""
    data = json.loads(path.read_text())
    return {(row["label"], row["role"]): Row(**row) for row in data["rows"]}
