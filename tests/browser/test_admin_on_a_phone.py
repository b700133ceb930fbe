"""Issue 16: the Wagtail admin screens the DMR uses fit a phone (390 px) and have no serious
or critical axe-core problem in what is ours.

The demo site is seeded once (it has a request with responses, a convened meeting with
suggestions, a publication waiting in the joint approval, members and emails); the DMR signs
in once and one tab opens each screen in turn. A screen may not make the whole document
scroll sideways (a table may scroll inside its own container). axe-core runs on the whole
document; a serious or critical violation fails the test unless it is Wagtail's own markup,
listed in WAGTAIL_OWN with the rule, the element and the reason. Our templates (the
dashboard panels, templates/wagtailadmin/, */templates/*/admin/) are never excused.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import Page

from home.models import HomePage
from network_pages.demo import seed_demo_content
from network_pages.information.models import InformationRequestPage
from network_pages.models import MemberProfile, NetworkHomePage
from network_pages.publication_drafts.models import PublicationDraftsPage
from tests.conftest import sign_in

from .test_layout import keep_screenshot, sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
SERIOUS = ("serious", "critical")
PHONE = {"width": 390, "height": 844}

# Wagtail's own markup that fails a serious/critical rule: (rule id, a piece of the failing
# element's CSS selector as axe reports it) -> why it is Wagtail's and not ours. Keep each
# entry as narrow as possible; a failure in our panels or templates is never listed here.
WAGTAIL_OWN: dict[tuple[str, str], str] = {}


def admin_screens() -> dict[str, str]:
    """The screens the DMR uses most, by name."""
    network = NetworkHomePage.objects.get(locale__language_code="en")
    public = HomePage.objects.get(locale__language_code="en")
    request = InformationRequestPage.objects.filter(locale=network.locale).first()
    drafts = PublicationDraftsPage.objects.first()
    waiting = next(
        page.specific
        for page in Page.objects.child_of(drafts)
        if page.specific.current_workflow_task_state is not None
    )
    member = MemberProfile.objects.get(user__username="fp_fr")
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer-network": reverse("wagtailadmin_explore", args=[network.pk]),
        "explorer-public": reverse("wagtailadmin_explore", args=[public.pk]),
        "page-edit-request": reverse("wagtailadmin_pages:edit", args=[request.pk]),
        "request-responses": reverse("information_request_responses", args=[request.pk]),
        "users": reverse("wagtailusers_users:index"),
        "user-edit": reverse("wagtailusers_users:edit", args=[member.user_id]),
        "member-profiles": reverse("member_profiles:index"),
        "member-profile-edit": reverse("member_profiles:edit", args=[member.pk]),
        "invite": reverse("member_invitations:invite"),
        "statistics": reverse("network_statistics"),
        "joint-approval-review": reverse(
            "workflows:review", args=[waiting.current_workflow_task_state.pk]
        ),
    }


def excused(violation_id: str, target: str) -> bool:
    return any(
        rule == violation_id and piece in target for (rule, piece) in WAGTAIL_OWN
    )


def problems_on(tab, name: str, url: str) -> list[str]:
    response = tab.goto(url)
    found = []
    if response is None or response.status != 200:
        return [f"{name}: answered {response.status if response else 'nothing'}"]
    keep_screenshot(tab, f"admin-{name}-390")
    if (extra := sideways_scroll(tab)) > 0:
        found.append(f"{name}: the document scrolls {extra} px sideways at 390 px")
    tab.add_script_tag(content=AXE)
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    for violation in result["violations"]:
        if violation["impact"] not in SERIOUS:
            continue
        targets = [
            " ".join(node["target"])
            for node in violation["nodes"]
            if not excused(violation["id"], " ".join(node["target"]))
        ]
        if targets:
            found.append(f"{name}: {violation['id']} ({violation['impact']}) {targets[:3]}")
    return found


def test_the_dmrs_admin_screens_fit_a_phone_without_serious_axe_problems_of_ours(
    live_server, browser
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        seed_demo_content()
    dmr = get_user_model().objects.get(username="dmr")
    screens = admin_screens()
    session = sign_in(Client(), dmr).cookies[settings.SESSION_COOKIE_NAME].value
    # The test browser alone bypasses the CSP, to inject axe; the site's CSP is unchanged.
    context = browser.new_context(locale="en-GB", bypass_csp=True, viewport=PHONE)
    context.set_default_timeout(20_000)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    tab = context.new_page()
    found: list[str] = []
    for name, url in screens.items():
        found += problems_on(tab, name, live_server.url + url)
    context.close()

    assert not found, f"{len(found)} problem(s):\n" + "\n".join(found)
