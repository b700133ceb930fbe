"""Rule: the French catalogue says what the English says, in French typography.

A translation with a different placeholder makes Django fall back to English (the French
convocation email opened with an English sentence); a missing no-break space before ":"
breaks the line before the colon; English quotes do not belong in French text.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest

FRENCH_PO = Path(__file__).resolve().parents[2] / "locale/fr/LC_MESSAGES/django.po"

# %(name)s, %(count)d, %s, %d and str.format's {name} / {}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")
NO_BREAK_SPACES = "\u202f\u00a0"
# ":" ";" "!" "?" ending a word: followed by a space, the end, a tag or a quote. Times (12:30),
# URLs (https://) and query strings (?q=) are not followed by a space, so they are left alone.
HIGH_PUNCTUATION = re.compile(r"(.)([:;!?])(?=\s|$|<|\"|»)", re.DOTALL)


def _translations() -> Iterator[tuple[str, str]]:
    """(English, French) pairs, one per plural form (French form 0 is the singular)."""
    for entry in polib.pofile(str(FRENCH_PO)):
        if entry.obsolete or not entry.translated():
            continue
        if entry.msgid_plural:
            for index, text in sorted(entry.msgstr_plural.items()):
                yield (entry.msgid if index == 0 else entry.msgid_plural), text
        else:
            yield entry.msgid, entry.msgstr


TRANSLATIONS = list(_translations())


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _edges(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def test_the_catalogue_has_translations_to_check():
    assert len(TRANSLATIONS) > 500


def test_every_translation_keeps_the_placeholders_of_its_english_text():
    different = [
        (english, french)
        for english, french in TRANSLATIONS
        if _placeholders(english) != _placeholders(french)
    ]

    assert different == []


def test_every_translation_starts_and_ends_with_the_same_whitespace_as_its_english_text():
    different = [
        (english, french) for english, french in TRANSLATIONS if _edges(english) != _edges(french)
    ]

    assert different == []


def test_french_puts_a_no_break_space_before_colons_semicolons_and_question_and_exclamation_marks():
    wrong = [
        french
        for _english, french in TRANSLATIONS
        if any(match.group(1) not in NO_BREAK_SPACES for match in HIGH_PUNCTUATION.finditer(french))
    ]

    assert wrong == []


def test_french_quotes_with_guillemets_and_no_break_spaces_inside_them():
    english_quotes = [french for _english, french in TRANSLATIONS if re.search("[“”]", french)]
    tight_guillemets = [
        french
        for _english, french in TRANSLATIONS
        if re.search("«[^\u202f\u00a0]|[^\u202f\u00a0]»", french)
    ]

    assert english_quotes == []
    assert tight_guillemets == []


@pytest.mark.parametrize(
    ("french", "rule_broken"),
    [
        ("Commentaire: %(text)s", True),
        ("Commentaire : %(text)s", True),
        ("Commentaire\u00a0: %(text)s", False),
        ("Pourquoi\u202f?", False),
        ("À 12:30, voir https://example.org/?q=x", False),
    ],
)
def test_the_typography_rule_catches_an_ordinary_space_or_none(french, rule_broken):
    broken = any(
        match.group(1) not in NO_BREAK_SPACES for match in HIGH_PUNCTUATION.finditer(french)
    )

    assert broken is rule_broken
