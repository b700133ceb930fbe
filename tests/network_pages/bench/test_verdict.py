"""The bench says, target by target, which pages of a run fall outside issue 17's and 18's
targets (verdict.py)."""

from network_pages.bench import pages
from network_pages.bench.report import Row
from network_pages.bench.verdict import section, verdicts


def row(label: str, per_second: float = 100, **fields) -> Row:
    values = {
        "role": pages.FOCAL_POINT,
        "path": f"/{label}/",
        "status": 200,
        "queries": 10,
        "p50_ms": 10.0,
        "p99_ms": 40.0,
        "p95_ms": 30.0,
        "cpu_ms": 10.0,
        "kind": pages.RESTRICTED,
        "connections": 8,
        **fields,
    }
    return Row(label=label, per_second=per_second, **values)


CEILING = row("ceiling", 1000, kind=pages.CEILING, ceiling=True, role=pages.ANONYMOUS)


def by_target(found) -> dict[str, tuple[bool, tuple[str, ...]]]:
    return {v.target.split(" ")[0]: (v.met, v.outside) for v in found}


def test_a_cached_public_page_under_70_percent_of_the_ceiling_is_outside():
    found = by_target(
        verdicts(
            [
                CEILING,
                row("home", 900, kind=pages.CACHED_PUBLIC, role=pages.ANONYMOUS),
                row("news", 600, kind=pages.CACHED_PUBLIC, role=pages.ANONYMOUS),
            ]
        )
    )
    assert found["cached"] == (False, ("news (anonymous): 0.60×",))


def test_a_restricted_page_under_60_requests_per_second_is_outside():
    found = by_target(verdicts([CEILING, row("meeting", 61), row("directory", 59)]))
    assert found["restricted"] == (False, ("directory (Focal Point): 59 req/s",))


def test_an_admin_screen_is_held_to_its_query_budget_not_to_60_requests_per_second():
    dashboard = row("admin: dashboard", 20, kind=pages.ADMIN, queries=25)
    found = verdicts([CEILING, row("meeting", 61), dashboard])
    assert by_target(found)["restricted"] == (True, ())
    budgets = {v.target: (v.met, v.outside) for v in found if v.target.startswith("queries")}
    assert budgets["queries ≤ 25 on admin screens"] == (True, ())
    explorer = row("admin: explorer", 20, kind=pages.ADMIN, queries=26)
    found = verdicts([CEILING, explorer])
    budgets = {v.target: (v.met, v.outside) for v in found if v.target.startswith("queries")}
    assert budgets["queries ≤ 25 on admin screens"] == (
        False,
        ("admin: explorer (Focal Point): 26 queries",),
    )


def test_a_site_page_over_15_queries_is_outside_its_budget():
    found = verdicts([CEILING, row("meeting", queries=15), row("home", queries=16)])
    budgets = {v.target: (v.met, v.outside) for v in found if v.target.startswith("queries")}
    assert budgets["queries ≤ 15 on site pages"] == (False, ("home (Focal Point): 16 queries",))


def test_a_page_loaded_one_request_at_a_time_is_judged_by_its_p95_not_its_throughput():
    search = row("members' search, one at a time", 3, connections=1, p95_ms=290.0)
    found = by_target(verdicts([CEILING, row("meeting", 70), search]))
    assert found["restricted"] == (True, ())
    assert found["members'"] == (True, ())
    slow = row("members' search, one at a time", 3, connections=1, p95_ms=301.0)
    assert by_target(verdicts([CEILING, slow]))["members'"][1] == (
        "members' search, one at a time (Focal Point): 301 ms",
    )


def test_cpu_over_1_2_times_the_baseline_is_outside_and_only_with_a_baseline():
    baseline = {("meeting", pages.FOCAL_POINT): row("meeting", cpu_ms=10.0)}
    run = [CEILING, row("meeting", cpu_ms=12.5)]
    assert "CPU" not in by_target(verdicts(run))
    assert by_target(verdicts(run, baseline))["CPU"] == (False, ("meeting (Focal Point): 1.25×",))


def test_a_target_no_row_measures_is_not_called_met():
    text = section(verdicts([CEILING]))
    assert "not measured in this run" in text
    assert "**met**" not in text
