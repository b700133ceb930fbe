"""`manage.py bench`: what it refuses before doing anything, which pages it picks, and that
its query counter and its ceiling stay out of the site's own settings."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import Resolver404, resolve

from home.page_cache import start_new_generation
from network_pages.bench import pages, side_by_side
from network_pages.bench.middleware import ANSWER
from network_pages.management.commands.bench import Command


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--size", "galaxy"], "invalid choice"),
        (["--seconds", "0"], "--seconds must be positive"),
        (["--warmup", "-1"], "--warmup at least 0"),
        (["--connections", "0"], "must be at least 1"),
        (["--workers", "0"], "must be at least 1"),
        (["--rounds", "0"], "--rounds must be at least 1"),
        (["--baseline", "/nonexistent/run.json"], "No baseline"),
        (["--compare-pid", "1"], "goes with --compare-url"),
        (["--compare-url", "http://127.0.0.1:9", "--compare-pid", "999999999"], "No process"),
        (["--compare-url", "http://127.0.0.1:9"], "Nothing answers"),
    ],
)
def test_the_command_refuses_arguments_it_cannot_measure_with(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("bench", *arguments)


def test_the_command_refuses_to_run_where_demo_accounts_are_not_allowed(settings):
    settings.NFP_ALLOW_DEMO_CONTENT = False
    with pytest.raises(CommandError, match="NFP_ALLOW_DEMO_CONTENT"):
        call_command("bench")


@pytest.mark.django_db
def test_no_grow_refuses_a_database_that_was_not_grown_and_does_not_grow_it():
    with pytest.raises(CommandError, match="was not grown"):
        call_command("bench", "--no-grow")
    assert not get_user_model().objects.filter(username=pages.ACCOUNTS[pages.DMR]).exists()


def test_only_keeps_the_ceiling_and_the_pages_named():
    targets = [
        pages.Target("ceiling", pages.ANONYMOUS, "/bench/ceiling", ceiling=True),
        pages.Target("home page", pages.ANONYMOUS, "/en/"),
        pages.Target("news index", pages.ANONYMOUS, "/en/news/"),
    ]
    chosen = Command().selected(targets, ["news"])
    assert [t.label for t in chosen] == ["ceiling", "news index"]
    with pytest.raises(CommandError, match="No page matches"):
        Command().selected(targets, ["nothing like it"])


def test_the_query_counter_and_the_ceiling_are_not_in_the_sites_settings():
    assert not any("bench" in name for name in settings.MIDDLEWARE)
    assert settings.ROOT_URLCONF == "nfp_site.urls"
    with pytest.raises(Resolver404):
        resolve("/bench/ceiling")
    production = Path(settings.BASE_DIR, "nfp_site", "settings", "production.py").read_text()
    assert "bench" not in production


@pytest.mark.django_db
@override_settings(
    ROOT_URLCONF="network_pages.bench.urls",
    MIDDLEWARE=["network_pages.bench.middleware.QueryCountMiddleware", *settings.MIDDLEWARE],
)
def test_the_bench_server_counts_the_queries_only_of_a_request_that_asks(client, homes):
    assert ANSWER not in client.get("/en/")
    start_new_generation()  # the public page cache would answer without a query
    counted = client.get("/en/", headers={"X-Bench-Count-Queries": "1"})
    assert int(counted[ANSWER]) > 0
    assert client.get("/bench/ceiling", headers={"X-Bench-Count-Queries": "1"})[ANSWER] == "0"


@pytest.mark.django_db
def test_every_page_type_with_a_live_page_is_loaded_by_the_roles_that_use_it(
    homes, network, focal_point
):
    targets = pages.targets(calendar_user=focal_point)
    assert targets[0].ceiling
    by_role = {role: {t.path for t in targets if t.role == role} for role in pages.ROLES}
    assert homes["en"].url in by_role[pages.ANONYMOUS]
    assert homes["fr"].url in by_role[pages.ANONYMOUS]
    assert network.url in by_role[pages.FOCAL_POINT] & by_role[pages.DMR]
    # The network is loaded by an anonymous visitor once, to measure the refusal.
    refused = [t for t in targets if t.path == network.url and t.role == pages.ANONYMOUS]
    assert len(refused) == 1 and refused[0].label.endswith("(refused)")
    assert {"/admin/", "/admin/reports/workflow/"} <= by_role[pages.DMR]
    assert "/sitemap.xml" in by_role[pages.ANONYMOUS]
    assert any(path.endswith(".ics") for path in by_role[pages.ANONYMOUS])
    # The members' search, a common word, as a Focal Point and as the DMR (issue 18).
    search = "/en/network/search/?q=authority"
    assert search in by_role[pages.FOCAL_POINT] & by_role[pages.DMR]
    assert search not in by_role[pages.ANONYMOUS]


def test_a_baseline_is_an_earlier_run_or_a_database_beside_not_both(tmp_path):
    earlier = tmp_path / "demo.json"
    earlier.write_text("{}")
    with pytest.raises(CommandError, match="not both"):
        call_command("bench", "--baseline", str(earlier), "--baseline-database", "sqlite:///x")


def test_a_baseline_database_that_was_not_grown_is_refused_before_anything_is_served(tmp_path):
    empty = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    options = {"baseline_database": empty, "no_redis": True, "redis": "", "workers": 2}
    with pytest.raises(CommandError, match="--baseline-database"):
        Command().baseline_beside(options)
    with pytest.raises(side_by_side.BaselineUnavailable):
        side_by_side.baseline_targets(empty)
