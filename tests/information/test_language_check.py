"""4.6: requests and responses are in English or French; a text that reads as another
language is flagged (a warning for its author), a short one is never judged."""

import pytest

from network_pages.information.language_check import detected_language, looks_like, mismatches

pytestmark = pytest.mark.django_db

FRENCH = "Quelles mesures votre pays a-t-il prises pour l'accueil des demandeurs d'asile ?"
ENGLISH = "Which measures has your country taken to receive asylum seekers at the border?"
GERMAN = "Welche Maßnahmen hat Ihr Land zur Aufnahme von Asylsuchenden ergriffen?"


def test_french_and_english_texts_are_recognised():
    assert detected_language(FRENCH) == "fr"
    assert detected_language(ENGLISH) == "en"


def test_text_in_another_language_does_not_look_like_the_declared_one():
    assert not looks_like(FRENCH, "en")
    assert not looks_like(GERMAN, "fr")
    assert looks_like(FRENCH, "fr")


def test_short_texts_are_never_judged():
    assert detected_language("Frontex, UNHCR, IOM") is None
    assert looks_like("Oui.", "en")


def test_mismatches_name_the_parts_to_check():
    texts = [("title", ENGLISH), ("question 1", FRENCH), ("question 2", "")]

    assert mismatches(texts, "en") == ["question 1"]


def test_a_short_text_the_detector_is_unsure_of_is_not_judged():
    assert detected_language("A multidisciplinary team.") is None
    assert looks_like("A multidisciplinary team.", "en")
