"""Playwright driving Debian's Chromium against pytest-django's live server."""

import pytest

from tests.browser_support import CHROMIUM_ARGS, chromium_path, missing_browser_reason


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    reason = missing_browser_reason()
    if reason:
        pytest.fail(f"{reason}; NFP_REQUIRE_BROWSER=1 requires it")
    # Playwright's sync API keeps an event loop running in this thread; the ORM calls
    # that tests and database fixtures make around browser steps are still synchronous.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()
