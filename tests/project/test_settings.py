import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(environment)
    return subprocess.run(  # noqa: S603 - a fixed command line with our own interpreter
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="nfp_site.settings.production")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_deploy_check_is_clean_with_the_required_variables_set():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="nfp_site.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="nfp.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_keeps_database_connections_and_checks_them_before_reuse():
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    production = {
        "DJANGO_SETTINGS_MODULE": "nfp_site.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    }

    kept = run_manage("shell", "--no-imports", "-c", code, **production)
    overridden = run_manage(
        "shell", "--no-imports", "-c", code, DATABASE_CONN_MAX_AGE="60", **production
    )

    assert kept.stdout.split() == ["600", "True"], kept.stderr
    assert overridden.stdout.split() == ["60", "True"], overridden.stderr


def test_postgresql_binds_parameters_on_the_server_and_keeps_the_urls_options():
    code = (
        "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS']; "
        "print(o.get('server_side_binding'), o.get('sslmode'))"
    )
    database = "postgres://nfp@db.example.org:5432/nfp?sslmode=require"

    postgresql = run_manage("shell", "--no-imports", "-c", code, DATABASE_URL=database)
    sqlite = run_manage("shell", "--no-imports", "-c", code, DATABASE_URL="sqlite:///x.db")

    assert postgresql.stdout.split() == ["True", "require"], postgresql.stderr
    assert sqlite.stdout.split() == ["None", "None"], sqlite.stderr
