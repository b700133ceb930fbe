"""The comparison with Wagtail's bakerydemo (`bench --compare-url`, issue 17): which of our
pages are compared with which of bakerydemo's, the verdict on their ratio and its table."""

import pytest

from network_pages.bench import compare, pages
from network_pages.bench.report import Row, comparison_table
from network_pages.bench.verdict import OVER_BAKERYDEMO, section, verdicts


def row(label: str, per_second: float, **fields) -> Row:
    values = {
        "role": pages.ANONYMOUS,
        "path": f"/{label}/",
        "status": 200,
        "queries": 5,
        "p50_ms": 10.0,
        "p99_ms": 40.0,
        "p95_ms": 30.0,
        "cpu_ms": 10.0,
        "kind": pages.PUBLIC_VIEW,
        "connections": 8,
        **fields,
    }
    return Row(label=label, per_second=per_second, **values)


def theirs(ours: str, per_second: float, **fields) -> Row:
    name = compare.BY_OURS[ours].theirs
    return row(
        f"{compare.LABEL_PREFIX}{name}",
        per_second,
        kind=compare.COMPARED,
        compared_with=ours,
        queries=None,
        **fields,
    )


def bakerydemo_verdict(found):
    return next((v for v in found if "bakerydemo" in v.target), None)


@pytest.mark.parametrize(
    ("ours", "path"),
    [
        ("home page, rendered", "/"),
        ("news index, rendered", "/blog/"),
        ("news item, rendered", "/blog/bread-and-circuses/"),
        ("publications index, rendered", "/breads/"),
        ("publication, rendered", "/breads/baguette/"),
        ("good practices index, rendered", "/locations/"),
        ("good practice, rendered", "/locations/vik/"),
        ("search", "/search/?q=bread"),
    ],
)
def test_each_rendered_public_page_is_compared_with_the_bakerydemo_page_doing_its_job(ours, path):
    target = compare.equivalent_target(pages.Target(ours, pages.ANONYMOUS, "/en/x/?bench-render=1"))
    assert (target.path, target.role, target.kind) == (path, pages.ANONYMOUS, compare.COMPARED)
    assert target.label.startswith(compare.LABEL_PREFIX)


def test_the_feed_has_no_bakerydemo_equivalent_and_is_not_loaded_there():
    assert compare.BY_OURS["feed, rendered"].path is None
    assert compare.equivalent_target(pages.Target("feed, rendered", pages.ANONYMOUS, "/f")) is None


@pytest.mark.parametrize(
    "target",
    [
        # The cached page: the target is about pages rendered past the cache.
        pages.Target("home page", pages.ANONYMOUS, "/en/", kind=pages.CACHED_PUBLIC),
        pages.Target("home page (FR), rendered", pages.ANONYMOUS, "/fr/?bench-render=1"),
        pages.Target("news index, rendered", pages.FOCAL_POINT, "/en/news/"),
        pages.Target("members' search", pages.ANONYMOUS, "/en/network/search/?q=a"),
    ],
)
def test_other_pages_and_signed_in_rows_have_no_equivalent(target):
    assert compare.equivalent_target(target) is None


def test_each_compared_page_is_paired_with_the_row_loaded_after_it():
    rows = [
        row("home page, rendered", 100),
        theirs("home page, rendered", 40),
        row("feed, rendered", 90),
        row("home page, rendered", 30, role=pages.FOCAL_POINT),
    ]
    found = [(ours.label, e.theirs, t and t.label) for ours, e, t in compare.pairs(rows)]
    assert found == [
        ("home page, rendered", "home page", "bakerydemo: home page"),
        ("feed, rendered", "none: bakerydemo has no feed", None),
    ]


def test_a_page_under_twice_its_bakerydemo_equivalents_requests_per_second_is_outside():
    rows = [
        row("home page, rendered", 2 * 40),
        theirs("home page, rendered", 40),
        row("news index, rendered", 50),
        theirs("news index, rendered", 40),
        row("feed, rendered", 10),  # no equivalent: not judged
    ]
    verdict = bakerydemo_verdict(verdicts(rows))
    assert f"≥ {OVER_BAKERYDEMO}×" in verdict.target
    assert (verdict.judged, verdict.met) == (2, False)
    assert verdict.outside == ("news index, rendered (anonymous): 1.25×",)


def test_without_the_comparison_site_there_is_no_bakerydemo_target_at_all():
    found = verdicts([row("home page, rendered", 100), row("feed, rendered", 90)])
    assert bakerydemo_verdict(found) is None
    assert "bakerydemo" not in section(found)


def test_bakerydemo_rows_are_not_judged_against_our_baseline():
    ours = row("home page, rendered", 100, cpu_ms=10.0)
    bakerydemo = theirs("home page, rendered", 40, cpu_ms=50.0)
    baseline = {
        (ours.label, ours.role): row("home page, rendered", 100, cpu_ms=10.0),
        # A demo-size run with the comparison too: bakerydemo's CPU is not our page's.
        (bakerydemo.label, bakerydemo.role): theirs("home page, rendered", 40, cpu_ms=5.0),
    }
    cpu = next(v for v in verdicts([ours, bakerydemo], baseline) if v.target.startswith("CPU"))
    assert (cpu.judged, cpu.outside) == (1, ())


def test_the_comparison_table_gives_both_sites_and_the_ratios_and_names_a_missing_one():
    home = row("home page, rendered", 120, cpu_ms=8.0)
    bakery = theirs("home page, rendered", 40, cpu_ms=24.0)
    feed = row("feed, rendered", 90, cpu_ms=10.0)
    text = comparison_table([(home, "home page", bakery), (feed, "none", None)])
    lines = [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines()]
    assert lines[2] == [
        "home page, rendered",
        "120",
        "8.0",
        "home page",
        "40",
        "24.0",
        "3.00×",
        "3.00×",
    ]
    assert lines[3] == ["feed, rendered", "90", "10.0", "none", "–", "–", "–", "–"]
