import pytest
from django.core.cache import cache

from home.site_setup import ensure_home_pages
from tests.browser_support import browser_is_required, chromium_path, missing_browser_reason


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and throttles live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def homes(db):
    """The live public home pages, {"en": HomePage, "fr": HomePage}."""
    return ensure_home_pages()


def pytest_report_header(config):
    reason = missing_browser_reason()
    if reason is None:
        return f"browser tests: Chromium at {chromium_path()}"
    if browser_is_required():
        return f"{reason}; NFP_REQUIRE_BROWSER=1 turns that into a failure"
    return reason


def pytest_collection_modifyitems(config, items):
    reason = missing_browser_reason()
    for item in items:
        if "tests/browser/" not in item.nodeid:
            continue
        item.add_marker(pytest.mark.browser)
        if reason is not None and not browser_is_required():
            item.add_marker(pytest.mark.skip(reason=reason))
