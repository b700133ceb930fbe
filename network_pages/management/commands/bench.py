import logging
import os
import platform
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from network_pages.bench import compare, grow, load, pages, report, serve, side_by_side, verdict
from network_pages.demo import DEMO_PASSWORD, demo_totp_key


def database_url() -> str:
    """The command's own database, as gunicorn's DATABASE_URL."""
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    return f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}"


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def rounds_said(rounds: int) -> str:
    return "" if rounds == 1 else f", {rounds} rounds (the median of each figure)"


def git_commit() -> str:
    try:
        return subprocess.run(  # noqa: S603 - a fixed command
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            cwd=serve.ROOT,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def comparison_cpu(master: int | None) -> Callable[[], float] | None:
    """What reads the CPU time of the comparison site's workers (those of gunicorn master
    `master`), or None without a master."""
    if not master:
        return None
    return lambda: serve.cpu_seconds_of(serve.children_of(master))


@dataclass
class Beside:
    """The baseline served beside the measured site (`--baseline-database`)."""

    server: serve.Server
    census: str
    targets: dict[tuple[str, str], pages.Target]
    cookies: dict = field(default_factory=dict)


class Command(BaseCommand):
    help = (
        "Grow a database to a size (demo or network), serve it with gunicorn as in "
        "production and print what each page costs (development only; see BENCHMARKS.md)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--size", choices=sorted(grow.SIZES), default="demo")
        parser.add_argument("--seconds", type=float, default=5.0, help="measured, per page")
        parser.add_argument("--warmup", type=float, default=1.0, help="before each page")
        parser.add_argument(
            "--rounds",
            type=int,
            default=1,
            help="each page measured this many times (alternated with the baseline's, which "
            "is measured once more); the medians are reported",
        )
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
        parser.add_argument("--redis", default=serve.DEFAULT_REDIS_URL, help="used if it answers")
        parser.add_argument("--no-redis", action="store_true", help="local memory cache")
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            help="pages whose label or path contains this (repeatable)",
        )
        parser.add_argument("--grow-only", action="store_true", help="grow, then stop")
        parser.add_argument(
            "--output", type=Path, help="write the table there (and a .json beside it)"
        )
        parser.add_argument(
            "--baseline", type=Path, help="an earlier run's .json: compare CPU per request"
        )
        parser.add_argument(
            "--baseline-database",
            help="a database grown to demo size (DATABASE_URL form): served beside this one, "
            "each page loaded there right before here, CPU per request compared side by side",
        )
        parser.add_argument(
            side_by_side.LIST_TARGETS,
            action="store_true",
            help="print this database's pages as JSON and stop (what --baseline-database reads)",
        )
        parser.add_argument(
            "--no-grow",
            action="store_true",
            help="measure the database as it is (grown before): no migration, no growth",
        )
        parser.add_argument(
            "--compare-url",
            help="a bakerydemo served at this URL: load its equivalent after each public "
            "page rendered past the cache (issue 17; BENCHMARKS.md says how to serve it)",
        )
        parser.add_argument(
            "--compare-pid",
            type=int,
            help="the comparison site's gunicorn master: read its workers' CPU per request",
        )

    def handle(self, *args, **options) -> None:
        self.check_arguments(options)
        if options["no_grow"] or options["list_targets"]:
            self.stdout.write("Measuring the database as it is (--no-grow) …")
        else:
            self.grow(options["size"])
        census = grow.census()
        if (options["no_grow"] or options["list_targets"]) and not census.requests:
            raise CommandError(
                "--no-grow: this database was not grown (no requests); grow it first."
            )
        for line in census.lines():
            self.stdout.write(f"  {line}")
        if options["grow_only"]:
            return
        fp = get_user_model().objects.get(username=pages.ACCOUNTS[pages.FOCAL_POINT])
        targets = self.selected(pages.targets(calendar_user=fp), options["only"])
        if options["list_targets"]:
            self.stdout.write(side_by_side.targets_as_json(census.summary(), targets))
            return
        beside = self.baseline_beside(options)
        connection.close()  # nothing of this process stands in gunicorn's way (SQLite locks)

        redis_url = None if options["no_redis"] else options["redis"]
        if redis_url and not serve.redis_answers(redis_url):
            self.stdout.write(f"No Redis at {redis_url}: the local memory cache is used.")
            redis_url = None
        started = datetime.now(UTC)
        load_before = load_average()
        server = serve.Server(database_url(), redis_url=redis_url, workers=options["workers"])
        rows, baseline_rows = [], []
        compare_url = (options["compare_url"] or "").rstrip("/")
        theirs_cpu = comparison_cpu(options["compare_pid"])
        try:
            server.start()
            cookies = self.sign_in(server)
            if beside:
                beside.server.start()
                beside.cookies = self.sign_in(beside.server)
            for target in targets:
                twin = beside.targets.get((target.label, target.role)) if beside else None
                ours, theirs = [], []
                for _round in range(options["rounds"]):
                    if twin is not None:
                        # Right before and right after ours: the machine's load is shared
                        # alike.
                        theirs.append(self.measure_beside(beside, twin, options))
                    ours.append(
                        self.measure(server.url, target, cookies, options, server.cpu_seconds)
                    )
                rows.append(side_by_side.median_of(ours))
                if twin is not None:
                    theirs.append(self.measure_beside(beside, twin, options))
                    baseline_rows.append(side_by_side.median_of(theirs))
                equivalent = compare.equivalent_target(target) if compare_url else None
                if equivalent is not None:
                    # Right after ours, with the same load: the machine's load is shared alike.
                    rows.append(
                        self.measure(
                            compare_url,
                            equivalent,
                            cookies,
                            options,
                            theirs_cpu,
                            compared_with=target.label,
                        )
                    )
        except (serve.ServerError, load.SignInFailed) as error:
            raise CommandError(f"{error}\n--- gunicorn's log ---\n{server.log_tail()}") from error
        finally:
            server.stop()
            if beside:
                beside.server.stop()
        header = [
            f"{started:%Y-%m-%d %H:%M} UTC, commit {git_commit()}, size **{options['size']}** "
            f"({census.summary()})",
            f"database: {connection.vendor}, cache: {'Redis' if redis_url else 'local memory'}, "
            f"gunicorn {options['workers']} sync workers, production settings (DEBUG off), "
            f"DATABASE_CONN_MAX_AGE={settings.DATABASES['default'].get('CONN_MAX_AGE', 0)}",
            f"load: {options['connections']} connections, {options['warmup']:g} s warm-up then "
            f"{options['seconds']:g} s per page{rounds_said(options['rounds'])}; machine: "
            f"{machine()}; load average before {load_before}, after {load_average()}",
        ]
        if compare_url:
            cpu = f"its workers' CPU read from master {options['compare_pid']}"
            header.append(
                f"compared with: bakerydemo at {compare_url} ("
                f"{cpu if options['compare_pid'] else 'CPU not read: no --compare-pid'}), "
                "each equivalent loaded right after our page"
            )
        if beside:
            header.append(
                f"baseline: served beside it from another database ({beside.census}), each "
                "page loaded there right before and right after here with the same load (the "
                + (
                    "mean of both)"
                    if options["rounds"] == 1
                    else f"median of {options['rounds'] + 1}, alternated with ours)"
                )
            )
        baseline = report.load_json(options["baseline"]) if options["baseline"] else None
        if beside:
            baseline = {(row.label, row.role): row for row in baseline_rows}
        judged = verdict.section(verdict.verdicts(rows, baseline))
        text = f"{report.document(header, rows, baseline=baseline)}\nTargets:\n\n{judged}\n"
        if compare_url:
            pairs = [(ours, e.theirs, theirs) for ours, e, theirs in compare.pairs(rows)]
            text += f"\nCompared with bakerydemo:\n\n{report.comparison_table(pairs)}\n"
        self.stdout.write("")
        self.stdout.write(text)
        if options["output"]:
            options["output"].parent.mkdir(parents=True, exist_ok=True)
            options["output"].write_text(text)
            report.save_json(options["output"].with_suffix(".json"), header, rows)
            if beside:
                beside_json = options["output"].with_name(f"{options['output'].stem}-baseline.json")
                report.save_json(beside_json, [*header[:-1], beside.census], baseline_rows)
            self.stdout.write(
                f"Written to {options['output']} (and {options['output'].with_suffix('.json')})."
            )

    def grow(self, size: str) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(f"Growing the database to {size} size …")
        # Wagtail logs every page it creates: thousands of lines that say nothing here.
        wagtail_log = logging.getLogger("wagtail")
        level, wagtail_log.level = wagtail_log.level, logging.WARNING
        try:
            grow.grow(grow.SIZES[size], say=self.stdout.write)
        finally:
            wagtail_log.setLevel(level)

    def check_arguments(self, options: dict) -> None:
        if not settings.NFP_ALLOW_DEMO_CONTENT:
            raise CommandError(
                "bench refuses to run here: it seeds demo accounts with known passwords "
                "(NFP_ALLOW_DEMO_CONTENT is off)."
            )
        if options["seconds"] <= 0 or options["warmup"] < 0:
            raise CommandError("--seconds must be positive and --warmup at least 0.")
        if options["rounds"] < 1:
            raise CommandError("--rounds must be at least 1.")
        if options["connections"] < 1 or options["workers"] < 1:
            raise CommandError("--connections and --workers must be at least 1.")
        if options["baseline"] and not options["baseline"].exists():
            raise CommandError(f"No baseline at {options['baseline']}.")
        if options["baseline"] and options["baseline_database"]:
            raise CommandError("--baseline (an earlier run) or --baseline-database, not both.")
        if options["compare_pid"] and not options["compare_url"]:
            raise CommandError("--compare-pid goes with --compare-url.")
        if options["compare_pid"] and not Path(f"/proc/{options['compare_pid']}").exists():
            raise CommandError(f"No process {options['compare_pid']} (--compare-pid).")
        if options["compare_url"] and not serve.answers(f"{options['compare_url'].rstrip('/')}/"):
            raise CommandError(f"Nothing answers at --compare-url {options['compare_url']}.")
        db = settings.DATABASES["default"]
        if (
            connection.vendor == "sqlite"
            and Path(db["NAME"]).resolve() == (Path(settings.BASE_DIR) / "db.sqlite3").resolve()
        ):
            raise CommandError(
                "bench grows the database it is given: point DATABASE_URL at one of its own "
                "(`make bench` uses bench-<size>.sqlite3), not the db.sqlite3 of `make run`."
            )

    def baseline_beside(self, options: dict) -> "Beside | None":
        """The baseline database's server (not started) and pages, or None without one."""
        if not options["baseline_database"]:
            return None
        try:
            census, targets = side_by_side.baseline_targets(options["baseline_database"])
        except side_by_side.BaselineUnavailable as error:
            raise CommandError(f"--baseline-database: {error}") from error
        redis_url = None if options["no_redis"] else options["redis"]
        if redis_url and not serve.redis_answers(redis_url):
            redis_url = None
        server = serve.Server(
            options["baseline_database"], redis_url=redis_url, workers=options["workers"]
        )
        return Beside(server, census, targets)

    def measure_beside(self, beside: Beside, target: pages.Target, options: dict) -> report.Row:
        return self.measure(
            beside.server.url,
            target,
            beside.cookies,
            options,
            beside.server.cpu_seconds,
            said_as="baseline",
        )

    def selected(self, targets: list[pages.Target], only: list[str]) -> list[pages.Target]:
        if not only:
            return targets
        chosen = [t for t in targets if t.ceiling or any(w in t.label or w in t.path for w in only)]
        if len(chosen) == sum(t.ceiling for t in targets):
            raise CommandError(f"No page matches {', '.join(only)}.")
        return chosen

    def sign_in(self, server: serve.Server) -> dict[str, dict[str, str]]:
        cookies = {pages.ANONYMOUS: {}}
        for role, username in pages.ACCOUNTS.items():
            cookies[role] = load.sign_in(
                server.url, username, DEMO_PASSWORD, demo_totp_key(username)
            )
            self.stdout.write(f"Signed in as {username} ({role}).")
        return cookies

    def measure(
        self,
        url: str,
        target: pages.Target,
        cookies: dict,
        options: dict,
        cpu_seconds=None,
        *,
        compared_with: str = "",
        said_as: str = "",
    ) -> report.Row:
        """Load `target` on the site at `url`; a page of the comparison site (`compared_with`
        our row's label) is loaded the same way, but it counts no queries for us."""
        measurement = load.run_load(
            url,
            target.path,
            cookies=cookies[target.role],
            connections=target.connections or options["connections"],
            seconds=options["seconds"],
            warmup=options["warmup"],
            cpu_seconds=cpu_seconds,
        )
        queries = (
            None if compared_with else load.count_queries(url, target.path, cookies[target.role])
        )
        p50, p95 = measurement.percentile(0.5), measurement.percentile(0.95)
        p99 = measurement.percentile(0.99)
        row = report.Row(
            label=target.label,
            role=target.role,
            path=target.path,
            status=measurement.status,
            queries=queries,
            per_second=measurement.per_second,
            p50_ms=None if p50 is None else 1000 * p50,
            p99_ms=None if p99 is None else 1000 * p99,
            p95_ms=None if p95 is None else 1000 * p95,
            cpu_ms=measurement.cpu_ms_per_request,
            errors=measurement.errors,
            ceiling=target.ceiling,
            kind=target.kind,
            connections=target.connections or options["connections"],
            compared_with=compared_with,
        )
        said = f"[{said_as}] " if said_as else ""
        self.stdout.write(
            f"  {said}{target.label} ({target.role}): HTTP {row.status}, "
            f"{row.per_second:.0f} req/s, "
            f"{'–' if queries is None else queries} queries"
        )
        return row
