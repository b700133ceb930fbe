"""Where the browser is, and whether a missing one skips or fails the browser tests."""

import os
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    return os.environ.get("NFP_CHROMIUM", "/usr/bin/chromium")


def browser_is_required() -> bool:
    return os.environ.get("NFP_REQUIRE_BROWSER") == "1"


def missing_browser_reason() -> str | None:
    path = chromium_path()
    if Path(path).is_file() and os.access(path, os.X_OK):
        return None
    return (
        f"browser tests skipped: no Chromium at {path} "
        "(apt-get install chromium, or set NFP_CHROMIUM)"
    )
