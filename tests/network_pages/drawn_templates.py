"""Wagtail templates this project writes in Python instead (the explorer's cells): each is
recorded by its digest, so that a Wagtail upgrade that changes one fails a test that says
where the change must be carried."""

import hashlib
from pathlib import Path

import wagtail
from django.template.loader import get_template


def assert_unchanged(template: str, recorded_sha256: str, drawn_in: str) -> None:
    origin = Path(get_template(template).origin.name)
    digest = hashlib.sha256(origin.read_bytes()).hexdigest()
    assert digest == recorded_sha256, (
        f"{origin} changed (Wagtail {wagtail.__version__}): carry the change into "
        f"{drawn_in}, then record sha256 {digest} here."
    )
