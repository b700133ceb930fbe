"""Degrade, don't fall over: a Redis that is down, maintenance mode, a restore refused on
a live site; and logs that carry ids but no secrets."""

import json
import logging
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from nfp_site.operations.cache import ResilientRedisCache
from nfp_site.operations.log_format import JsonFormatter
from nfp_site.operations.models import WorkerHeartbeat
from tests.smtp_support import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down():
    return ResilientRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})


def test_a_redis_that_is_down_is_a_cache_miss_not_an_error(redis_down):
    assert redis_down.get("site-root-paths") is None
    assert redis_down.set("site-root-paths", [1, 2]) is None
    assert redis_down.get("site-root-paths") == [1, 2]  # kept in the process meanwhile
    assert redis_down.ping() is False


def test_rate_limits_keep_counting_while_redis_is_down(redis_down):
    assert redis_down.add("attempts", 1, timeout=900)
    redis_down.incr("attempts")

    assert redis_down.get("attempts") == 2


def test_maintenance_mode_answers_503_everywhere(client, settings, tmp_path, homes):
    settings.NFP_MAINTENANCE_FILE = str(tmp_path / "maintenance.on")
    (tmp_path / "maintenance.on").write_text("restore")

    for url in ("/en/", "/en/accounts/login/", "/admin/", "/healthz"):
        response = client.get(url)
        assert response.status_code == 503, url
        assert response["Retry-After"]


def test_health_is_degraded_without_a_live_worker(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failing"] == ["task_queue"]

    WorkerHeartbeat.objects.create(worker_id="w", seen_at=timezone.now())
    assert client.get("/healthz").status_code == 200


def test_restore_refuses_a_live_site_and_says_so(tmp_path):
    (tmp_path / "manifest.json").write_text("{}")
    WorkerHeartbeat.objects.create(worker_id="w", seen_at=timezone.now())

    with pytest.raises(CommandError, match="The site is live .*1 worker.*MAINTENANCE=1"):
        call_command("restore_site", str(tmp_path), "--yes")


def json_line(record: logging.LogRecord) -> dict:
    return json.loads(JsonFormatter().format(record))


def test_json_logs_carry_ids_and_mask_tokens_and_queries():
    record = logging.LogRecord(
        "operations.requests",
        logging.INFO,
        __file__,
        1,
        "GET %s 200",
        ("/en/calendar/s3cr3t-token.ics",),
        None,
    )
    record.request_id, record.user_id = "abc", 7
    record.path = "/en/accounts/invitation/t0k3n/?next=/x"

    line = json_line(record)

    assert line["request_id"] == "abc" and line["user_id"] == 7
    assert "s3cr3t" not in json.dumps(line) and "t0k3n" not in json.dumps(line)
    assert "next=" not in line["path"]


def test_errors_are_logged_with_their_traceback():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())

    assert "ValueError: boom" in json_line(record)["exception"]


def test_every_response_says_its_request_id(client, homes):
    response = client.get("/en/", HTTP_X_REQUEST_ID="from-the-proxy")

    assert response["X-Request-ID"] == "from-the-proxy"


def test_production_settings_load_no_sentry_without_a_dsn():
    probe = "import sys, django; django.setup(); print('sentry_sdk' in sys.modules)"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", probe],
        env={
            "DJANGO_SETTINGS_MODULE": "nfp_site.settings.production",
            "DJANGO_SECRET_KEY": "x",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"


def test_an_email_confirmation_token_is_masked_in_the_logs():
    record = logging.LogRecord(
        "operations.requests",
        logging.INFO,
        __file__,
        1,
        "POST %s 302",
        ("/fr/accounts/email/confirm/eyJ1IjoxfQ:1xYrEw:s1gn4tur3/",),
        None,
    )

    line = json_line(record)

    assert "s1gn4tur3" not in json.dumps(line)
    assert "/fr/accounts/email/confirm/[hidden]/" in line["message"]
