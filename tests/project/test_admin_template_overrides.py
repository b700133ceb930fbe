"""The Wagtail admin templates this project overrides are checked on every Wagtail upgrade
(issue 15): each override names its original and the hash of the original it was written
from (templates/wagtailadmin/UPSTREAM.json). When the installed Wagtail's original changes,
this test fails, so that whoever upgrades carries the change over into the override."""

import hashlib
import json
from pathlib import Path

import pytest
import wagtail

ROOT = Path(__file__).resolve().parents[2]
RECORD = ROOT / "templates/wagtailadmin/UPSTREAM.json"
WAGTAIL_TEMPLATES = Path(wagtail.__file__).resolve().parent / "admin/templates"


def recorded() -> dict:
    return json.loads(RECORD.read_text(encoding="utf-8"))["overrides"]


def test_every_template_of_the_project_under_wagtailadmin_is_recorded():
    overrides = {
        str(path.relative_to(ROOT / "templates"))
        for path in (ROOT / "templates/wagtailadmin").rglob("*.html")
    }

    assert overrides == set(recorded())


@pytest.mark.parametrize("override", sorted(recorded()))
def test_the_original_of_an_override_is_the_one_it_was_written_from(override):
    entry = recorded()[override]
    original = WAGTAIL_TEMPLATES / entry["upstream"]

    assert original.exists(), f"Wagtail {wagtail.__version__} no longer has {entry['upstream']}"
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    assert digest == entry["sha256"], (
        f"Wagtail {wagtail.__version__} changed {entry['upstream']}: compare it with "
        f"templates/{override}, carry the change over, then record sha256 {digest} in "
        f"{RECORD.relative_to(ROOT)}."
    )
