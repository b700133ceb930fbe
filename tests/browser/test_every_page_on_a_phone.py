"""Issue 16: every page of the confidentiality inventory that a Focal Point or the DMR opens
fits a phone (no sideways scroll at 390 px: wide tables scroll in their own box) and has no
serious or critical axe-core problem, in English and in French.

The pages come from the confidentiality matrix's marked site (tests/security/): one URL per
language and page type (or route, or URL pattern), so a view is checked here as soon as the
matrix probes it. The site is built once; the Focal Point's pages are swept, then the pages
only the DMR opens. One browser context per role (signed in once, axe-core added to every
page it loads by an init script), one tab reused for every page.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import TestCase

from tests.security.conftest import make_users
from tests.security.expectations import Outcome
from tests.security.roles import Role, client_for
from tests.security.site_with_markers import build_marked_site
from tests.security.url_inventory import page_routes_of, pattern_of

from .test_layout import keep_screenshot, sideways_scroll, signed_in_cookie

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
SERIOUS = ("serious", "critical")
PHONE = {"width": 390, "height": 844}
ROLES = (Role.FOCAL_POINT, Role.DMR)


def kind_of(url: str, routes: dict) -> tuple:
    """What a URL stands for: its language, and its page type (a page), its route (a route
    of a routable page: the comment routes are the same views on every page type), or its
    URL pattern (any other view)."""
    language = url.split("/")[1]
    if url in routes:
        label, route = routes[url]
        return (language, route or label)
    return (language, pattern_of(url))


def html_pages_for(site, users, role: Role, seen: set) -> list[str]:
    """One URL of each kind not in `seen` that `role` opens as a web page."""
    urls = [probe.url for probe in site.probes if probe.expected.get(role) is Outcome.OK]
    routes = page_routes_of(urls)
    client = client_for(role, users)
    pages = []
    for url in urls:
        kind = kind_of(url, routes)
        if kind in seen:
            continue
        seen.add(kind)
        response = client.get(url)
        if response.streaming:
            # Read to the end, so the test client closes the file (never the response).
            b"".join(response.streaming_content)
        elif response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            pages.append(url)
    return pages


def problems_on(tab, url: str) -> list[str]:
    tab.goto(url)
    found = []
    if (extra := sideways_scroll(tab)) > 0:
        found.append(f"{url}: scrolls {extra} px sideways at 390 px")
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    for violation in result["violations"]:
        if violation["impact"] in SERIOUS:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.append(f"{url}: {violation['id']} ({violation['impact']}) {targets}")
    return found


def test_every_page_of_a_focal_point_and_the_dmr_fits_a_phone_without_serious_axe_problems(
    live_server, browser
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        users = make_users()
        site = build_marked_site(users)
    seen: set = set()
    swept: dict[Role, list[str]] = {}
    found: list[str] = []
    for role in ROLES:
        swept[role] = html_pages_for(site, users, role, seen)
        session = client_for(role, users).cookies[settings.SESSION_COOKIE_NAME].value
        # The test browser alone bypasses the CSP, to inject axe; the site's CSP is unchanged.
        context = browser.new_context(locale="en-GB", bypass_csp=True, viewport=PHONE)
        context.set_default_timeout(15_000)
        # axe-core comes with every page the context loads: added once, not sent with each.
        context.add_init_script(script=AXE)
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
        tab = context.new_page()
        for url in swept[role]:
            found += [f"{role}: {problem}" for problem in problems_on(tab, live_server.url + url)]
        context.close()

    # The sweep reaches the network area in both languages, and the DMR's own pages.
    assert any(url.startswith("/fr/reseau/") for url in swept[Role.FOCAL_POINT])
    assert swept[Role.DMR]
    assert not found, f"{len(found)} problem(s):\n" + "\n".join(found)


def test_a_saved_form_moves_focus_to_the_message_that_says_so(live_server, page, focal_point):
    page.context.add_cookies([signed_in_cookie(focal_point, live_server)])
    page.goto(f"{live_server.url}/en/accounts/")

    page.get_by_role("button", name="Save").click()

    banner = page.locator(".banners")
    assert "Your contact details have been saved." in banner.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('banners')")
    keep_screenshot(page, "focal-point-account-saved-1280")
