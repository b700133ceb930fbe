"""axe-core finds no serious or critical accessibility problem on the main pages of each
role, in English and French (axe-core vendored in tests/browser/vendor/)."""

from pathlib import Path

import pytest

from .test_layout import signed_in_cookie

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
SERIOUS = ("serious", "critical")

PUBLIC = ["/en/", "/fr/", "/en/search/", "/fr/search/?q=migration", "/en/accounts/login/"]
FOCAL_POINT = [
    "/en/network/",
    "/fr/reseau/",
    "/en/network/information-requests/",
    "/en/network/information-requests/age-assessment/",
    "/en/network/information-requests/age-assessment/response/",
    "/en/network/information-requests/age-assessment/compilation/",
    "/en/network/meetings/plenary/",
    "/fr/reseau/reunions/plenary/",
    "/en/network/directory/",
    "/en/our-state/",
    "/en/your-meetings/",
    "/en/accounts/",
    "/fr/accounts/",
]


def serious_problems(page, url: str) -> list[str]:
    page.goto(url)
    page.add_script_tag(content=AXE)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{url}: {violation['id']} ({violation['impact']}) at {violation['nodes'][0]['target']}"
        for violation in result["violations"]
        if violation["impact"] in SERIOUS
    ]


@pytest.fixture
def axe_page(browser):
    # The test browser alone bypasses the CSP, to inject axe; the site's CSP is unchanged.
    context = browser.new_context(locale="en-GB", bypass_csp=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_public_pages_have_no_serious_accessibility_problem(live_server, axe_page, homes):
    problems = [p for url in PUBLIC for p in serious_problems(axe_page, live_server.url + url)]

    assert problems == []


def test_a_focal_points_pages_have_no_serious_accessibility_problem(
    live_server, axe_page, busy_network, focal_point
):
    axe_page.context.add_cookies([signed_in_cookie(focal_point, live_server)])

    problems = [p for url in FOCAL_POINT for p in serious_problems(axe_page, live_server.url + url)]

    assert problems == []
