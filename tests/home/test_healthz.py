import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_health_endpoint_reports_each_dependency(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "task_queue", "disk"}
    assert all(check["status"] == "ok" for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


def test_health_endpoint_answers_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("nfp_site.operations.health.connection.cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "down"
    assert response.json()["failing"] == ["database"]
