import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from pytest_django.plugin import blocking_manager_key

from home.site_setup import ensure_home_pages
from network_pages.factories import add_totp_device, make_member
from network_pages.network_area import ensure_network_area
from tests.accounts import PASSWORD, account
from tests.browser_support import browser_is_required, chromium_path, missing_browser_reason
from tests.module_data import module_transaction  # noqa: F401 - a fixture for every package
from tests.site_snapshot import (
    build_site_structure,
    end_stray_sessions,
    flushes_the_database,
    restore_site_structure,
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and throttles live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _emails_through_the_outbox(settings):
    """Django's test setup swaps EMAIL_BACKEND for locmem: put the project's back, so that
    every email of a test goes through the outbox (delivered into mail.outbox by the
    immediate task backend, NFP_EMAIL_DELIVERY_BACKEND being locmem)."""
    settings.EMAIL_BACKEND = "nfp_site.operations.email_backend.OutboxBackend"


@pytest.fixture(autouse=True)
def _default_language():
    """A test that switches the language (a French request, a French email) leaves none
    behind: each test starts in the default language, whatever ran before it."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files of a test never land in the project's media/ folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


_SNAPSHOT = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """Every test database holds the pages every installation has, committed once (see
    tests/site_snapshot.py), so that any test using the database stands on them."""
    with django_db_blocker.unblock():
        request.config.stash[_SNAPSHOT] = build_site_structure()
    yield
    with django_db_blocker.unblock():
        end_stray_sessions()


_FLUSHED = pytest.StashKey[bool]()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends in a flush: the next test gets the structure back."""
    if flushes_the_database(item):
        item.config.stash[_FLUSHED] = True


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before the test's fixtures, while the session's test database is certainly alive.
    snapshot = item.config.stash.get(_SNAPSHOT, None)
    if snapshot is not None and item.config.stash.get(_FLUSHED, False):
        with item.config.stash[blocking_manager_key].unblock():
            restore_site_structure(snapshot)
        item.config.stash[_FLUSHED] = False


@pytest.fixture
def homes(db):
    """The live public home pages, {"en": HomePage, "fr": HomePage}."""
    return ensure_home_pages()


@pytest.fixture
def network(homes):
    """The restricted network root (English), with its directory and French aliases."""
    return ensure_network_area(homes["en"])


def sign_in(client, user, *, verified: bool = True):
    """Sign `user` in; `verified=False` leaves the session at the password step."""
    client.force_login(user)
    if verified:
        device = user.totpdevice_set.filter(confirmed=True).first() or add_totp_device(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


# Found if a module's shared data made the account (tests/module_data.py), else made here.
@pytest.fixture
def focal_point(db):
    return account("fp_fr")


@pytest.fixture
def other_focal_point(db):
    return account("fp_de")


@pytest.fixture
def approver(db):
    return account("approver")


@pytest.fixture
def dmr_user(db):
    return account("dmr")


@pytest.fixture
def guest(db):
    return account("guest")


@pytest.fixture
def outsider(db):
    """A signed-up, verified user in no network group."""
    return make_member("outsider", groups=(), state=None, password=PASSWORD, function="guest")


def pytest_report_header(config):
    reason = missing_browser_reason()
    if reason is None:
        return f"browser tests: Chromium at {chromium_path()}"
    if browser_is_required():
        return f"{reason}; NFP_REQUIRE_BROWSER=1 turns that into a failure"
    return reason


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    reason = missing_browser_reason()
    for item in items:
        if "tests/security/" in item.nodeid:
            # The package's marked site (`findings`) serves the tests that read it: under
            # pytest-xdist (--dist loadgroup) they stay on one worker, so that it is built
            # once. Every other module of the package (the query budgets build a site of
            # their own, once per module) is a group of its own, free to run on the other
            # worker meanwhile: the package is no longer one worker's queue.
            group = (
                "confidentiality-matrix"
                if "findings" in item.fixturenames
                else f"security:{item.module.__name__}"
            )
            item.add_marker(pytest.mark.xdist_group(group))
        elif item.get_closest_marker("xdist_group") is None:
            # A module's tests stay together on one worker: under --dist loadgroup a test
            # without a group is handed out alone, so a module's shared data (scope="module",
            # tests/module_data.py) was built once on each worker, and again whenever a
            # worker came back to the module after another one's tests.
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
        if "tests/browser/" not in item.nodeid:
            continue
        item.add_marker(pytest.mark.browser)
        if reason is not None and not browser_is_required():
            item.add_marker(pytest.mark.skip(reason=reason))
    result = yield
    # After every other plugin's order (pytest-django puts transactional tests, the
    # browser's among them, after the others): a stable sort keeps it otherwise.
    items.sort(key=_longest_first)
    return result


# The longest groups (a minute or more of one worker's time on PostgreSQL), handed out
# first: pytest-xdist gives the queue's first groups out in turns and the rest one at a time
# as workers finish, so a long group left for the end would run alone while the other
# worker waits. `make test` passes --no-loadscope-reorder, whose default order puts the
# groups with the most tests first (the phone sweeps, one test each, came last).
LONGEST_GROUPS = (
    "tests.browser.test_every_page_on_a_phone",
    "confidentiality-matrix",
    "tests.browser.test_admin_on_a_phone",
    "security:tests.security.test_query_budgets",
    "tests.project.test_backups",
    "tests.browser.test_journeys",
    "tests.network_pages.test_french_crawl",
    "tests.browser.test_layout",
    "tests.network_pages.bench.test_growth",
    "tests.operations.test_scale_out",
    "tests.meetings.test_demo",
)


def _longest_first(item) -> int:
    marker = item.get_closest_marker("xdist_group")
    group = marker.args[0] if marker else None
    return LONGEST_GROUPS.index(group) if group in LONGEST_GROUPS else len(LONGEST_GROUPS)
