import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_a_french_reader_to_french(client, homes):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9,en;q=0.5"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_redirects_to_english_by_default(client, homes):
    response = client.get("/", headers={"accept-language": "de"})

    assert response.status_code == 302
    assert response["Location"] == "/en/"
