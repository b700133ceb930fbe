"""The bench's table: one line per page and role, ratios to the ceiling, a baseline column."""

import json

from network_pages.bench import side_by_side
from network_pages.bench.report import Row, document, load_json, save_json, table


def row(label: str, per_second: float, **fields) -> Row:
    values = {
        "role": "anonymous",
        "path": f"/{label}/",
        "status": 200,
        "queries": 10,
        "p50_ms": 12.34,
        "p99_ms": 56.78,
        "cpu_ms": 9.5,
        **fields,
    }
    return Row(label=label, per_second=per_second, **values)


CEILING = row("ceiling", 800, ceiling=True, queries=0, cpu_ms=1.2)


def lines_of(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in text.splitlines()]


def test_the_table_has_a_header_a_separator_and_a_line_per_row():
    rows = lines_of(table([CEILING, row("home", 200)]))
    assert rows[0][:4] == ["page", "as", "HTTP", "queries"]
    assert set("".join(rows[1])) <= set("-:")
    assert len(rows) == 4


def test_each_page_is_a_ratio_of_the_ceiling():
    home = lines_of(table([CEILING, row("home", 200)]))[3]
    assert home[0] == "home"
    assert home[-1] == "0.25"
    assert lines_of(table([CEILING]))[2][-1] == "1.00"


def test_numbers_are_rounded_and_missing_ones_are_dashes():
    cells = lines_of(table([CEILING, row("slow", 1234.5, p99_ms=None, queries=None)]))[3]
    assert cells[3] == "–"
    assert cells[4] == "1,234"
    assert cells[5] == "12.3"
    assert cells[6] == "–"  # p95 not given
    assert cells[7] == "–"


def test_server_errors_are_shown_beside_the_status():
    cells = lines_of(table([CEILING, row("broken", 5, status=500, errors=7)]))[3]
    assert cells[2] == "500 (7 errors)"


def test_without_a_ceiling_there_is_no_ratio():
    assert lines_of(table([row("home", 200)]))[2][-1] == "–"


def test_a_baseline_adds_the_cpu_per_request_compared_with_it():
    baseline = {("home", "anonymous"): row("home", 300, cpu_ms=5.0)}
    text = table([CEILING, row("home", 200, cpu_ms=6.0)], baseline=baseline)
    header, _, ceiling, home = lines_of(text)
    assert header[-1] == "CPU vs baseline"
    assert home[-1] == "1.20×"
    assert ceiling[-1] == "–"


def test_the_document_lists_the_conditions_before_the_table():
    text = document(["size demo", "database sqlite"], [CEILING])
    assert text.startswith("- size demo\n- database sqlite\n\n| page |")


def test_a_saved_run_reads_back_by_page_and_role(tmp_path):
    path = tmp_path / "run.json"
    save_json(path, ["size demo"], [CEILING, row("home", 200, role="DMR")])
    runs = load_json(path)
    assert runs[("home", "DMR")] == row("home", 200, role="DMR")
    assert runs[("ceiling", "anonymous")].ceiling


def test_a_run_saved_before_the_p95_column_reads_back_without_it(tmp_path):
    path = tmp_path / "run.json"
    save_json(path, ["size demo"], [CEILING])
    data = json.loads(path.read_text())
    for saved in data["rows"]:
        del saved["p95_ms"]
    path.write_text(json.dumps(data))
    assert load_json(path)[("ceiling", "anonymous")].p95_ms is None


def test_a_baseline_beside_is_the_mean_of_its_page_before_and_after_ours():
    before = Row("meeting", "DMR", "/m/", 200, 7, 40.0, 20.0, 60.0, 10.0, errors=1, p95_ms=50.0)
    after = Row("meeting", "DMR", "/m/", 200, 7, 60.0, 30.0, 80.0, 14.0, errors=0, p95_ms=None)
    mean = side_by_side.around(before, after)
    assert (mean.per_second, mean.p50_ms, mean.p99_ms, mean.cpu_ms) == (50.0, 25.0, 70.0, 12.0)
    assert (mean.p95_ms, mean.errors, mean.label, mean.queries) == (50.0, 1, "meeting", 7)


def test_a_page_measured_in_rounds_is_the_median_of_each_figure():
    rounds = [
        Row("meeting", "DMR", "/m/", 200, 7, 90.0, 20.0, 60.0, 11.0, errors=1, p95_ms=50.0),
        Row("meeting", "DMR", "/m/", 200, 7, 40.0, 30.0, 90.0, 19.0, errors=0, p95_ms=None),
        Row("meeting", "DMR", "/m/", 200, 7, 60.0, 25.0, 70.0, 10.0, errors=2, p95_ms=40.0),
    ]
    median = side_by_side.median_of(rounds)
    assert (median.per_second, median.p50_ms, median.p99_ms, median.cpu_ms) == (
        60.0,
        25.0,
        70.0,
        11.0,
    )
    # A figure missing from a round is the median of the others; errors add up.
    assert (median.p95_ms, median.errors, median.queries) == (45.0, 3, 7)
