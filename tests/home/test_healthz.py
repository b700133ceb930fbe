import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_health_endpoint_reports_a_working_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_endpoint_answers_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("home.views.connection.cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
