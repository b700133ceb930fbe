"""Rule: every interface string has a French translation, and what ships is what was written."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FRENCH_PO = PROJECT_ROOT / "locale/fr/LC_MESSAGES/django.po"
FRENCH_MO = FRENCH_PO.with_suffix(".mo")
SOURCE_FOLDERS = ["nfp_site", "home", "network_pages", "workflows", "templates"]


def live_entries(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if not entry.obsolete]


def test_every_french_message_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(FRENCH_PO))

    untranslated = [entry.msgid for entry in live_entries(po) if not entry.translated()]
    fuzzy = [entry.msgid for entry in live_entries(po) if "fuzzy" in entry.flags]

    assert untranslated == []
    assert fuzzy == []
    assert not po.metadata_is_fuzzy


def test_compiled_catalogue_matches_the_po_file():
    expected = {}
    for entry in live_entries(polib.pofile(str(FRENCH_PO))):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            expected.update({(key, n): text for n, text in entry.msgstr_plural.items()})
        else:
            expected[key] = entry.msgstr
    with FRENCH_MO.open("rb") as mo_file:
        compiled = dict(gettext.GNUTranslations(mo_file)._catalog)
    compiled.pop("", None)  # the header

    assert compiled == expected


def test_every_string_in_the_source_is_in_the_french_catalogue(tmp_path):
    if not shutil.which("xgettext"):
        message = "GNU gettext (xgettext) is not installed: apt-get install gettext"
        if os.environ.get("NFP_REQUIRE_GETTEXT") == "1":
            pytest.fail(message)
        pytest.skip(message)
    for name in [*SOURCE_FOLDERS, "manage.py"]:
        source = PROJECT_ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name)
    (tmp_path / "locale").mkdir()

    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "makemessages", "--locale", "fr", "--no-obsolete"],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "nfp_site.settings.test"},
        check=True,
        capture_output=True,
        timeout=300,
    )

    def msgids(path: Path) -> set[tuple[str | None, str]]:
        return {(entry.msgctxt, entry.msgid) for entry in live_entries(polib.pofile(str(path)))}

    extracted = msgids(tmp_path / "locale/fr/LC_MESSAGES/django.po")
    committed = msgids(FRENCH_PO)
    assert sorted(extracted - committed) == [], "run `make messages` and translate"
    assert sorted(committed - extracted) == [], "stale messages: run `make messages`"
