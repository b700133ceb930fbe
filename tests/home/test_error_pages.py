import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_missing_page_gets_a_translated_404(client, homes):
    response = client.get("/fr/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_server_error_page_is_translated():
    with translation.override("fr"):
        response = server_error(RequestFactory().get("/fr/"))

    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()
