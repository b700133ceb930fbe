"""Playwright driving Debian's Chromium against pytest-django's live server."""

import pytest
from django.db import connections
from django.utils import timezone
from playwright.sync_api import expect, sync_playwright

from network_pages.information.factories import make_request
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.models import AgendaSuggestion
from network_pages.meetings.site_setup import ensure_meetings_index
from tests.browser_support import CHROMIUM_ARGS, chromium_path, missing_browser_reason

LONG_TITLE = "Reception conditions for unaccompanied and separated children " * 3


@pytest.fixture(scope="session")
def browser(django_db_setup):
    reason = missing_browser_reason()
    if reason:
        pytest.fail(f"{reason}; NFP_REQUIRE_BROWSER=1 requires it")
    # Playwright's sync API keeps an event loop running in this thread; the ORM calls
    # that tests and database fixtures make around browser steps are still synchronous.
    # Under CI's load (two workers, the live server and Chromium on two cores) a page that
    # uploads and indexes a file can take more than expect()'s default of 5 s to answer.
    expect.set_options(timeout=15_000)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # Django's connections are context-local; Playwright's sync API switches to its
        # own context, where the snapshot that serialized_rollback restores is missing.
        snapshots = {
            alias: connections[alias]._test_serialized_contents
            for alias in connections
            if hasattr(connections[alias], "_test_serialized_contents")
        }
        with sync_playwright() as playwright:
            for alias, snapshot in snapshots.items():
                connections[alias]._test_serialized_contents = snapshot
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


@pytest.fixture
def busy_network(network, focal_point, other_focal_point):
    """A request, and a meeting whose suggestions have long titles (wide tables)."""
    requests, _items = ensure_information_indexes(network)
    request_page = make_request(
        requests,
        title="Age assessment",
        questions=["Who assesses the age?", "Which methods are used?"],
        deadline=timezone.localdate() + timezone.timedelta(days=14),
    )
    meeting = make_meeting(ensure_meetings_index(network), title="Plenary 2031", slug="plenary")
    for number, who in enumerate((focal_point, other_focal_point)):
        AgendaSuggestion.objects.create(
            meeting=meeting,
            title=f"{LONG_TITLE} {number}",
            rationale="Practices differ widely between member states. " * 10,
            suggested_by=who,
        )
    return request_page
