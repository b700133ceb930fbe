"""Issue 16: the Wagtail admin screens the DMR uses fit a phone (390 px) and have no serious
or critical axe-core problem in what is ours.

The demo site is seeded once (it has a request with responses, a convened meeting with
suggestions, a publication waiting in the joint approval, members and emails); the DMR signs
in once and one tab opens each screen in turn. A screen may not make the whole document
scroll sideways (a table may scroll inside its own container). axe-core runs on the whole
document; a serious or critical violation fails the test unless it is Wagtail's own markup,
listed in WAGTAIL_OWN_AXE with the rule, the element and the reason. As Wagtail's main
column hides what overflows (the document never scrolls sideways), the test also finds
content cut off at the right edge outside any scrolling box (WAGTAIL_OWN_LAYOUT: Wagtail's
own). Our templates (the
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
from network_pages.meetings.models import MeetingPage, MeetingStatus
from network_pages.meetings.viewsets import SUGGESTIONS
from network_pages.models import MemberProfile, NetworkHomePage
from network_pages.publication_drafts.models import PublicationDraftsPage
from tests.conftest import sign_in

from .test_layout import keep_screenshot, sideways_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
SERIOUS = ("serious", "critical")
PHONE = {"width": 390, "height": 844}

# Wagtail's own markup that fails a serious/critical axe rule: (rule id, a piece of the
# failing element's HTML or CSS selector as axe reports them) -> why it is Wagtail's and not
# ours. Keep each entry narrow; a failure in our panels or templates is never listed here.
WAGTAIL_OWN_AXE: dict[tuple[str, str], str] = {
    ("aria-input-field-name", "public-DraftEditor-content"): (
        "Wagtail's rich text editor (Draftail): its label points at the hidden input, so the "
        "contenteditable textbox has no accessible name (wagtail/wagtail#14205, open)."
    ),
}
# Wagtail's own elements that stand past the right edge of a 390 px screen: a CSS selector
# (matched with closest()) -> why.
WAGTAIL_OWN_LAYOUT: dict[str, str] = {
    ".w-minimap": (
        "The page editor's minimap is a collapsed side panel kept past the right edge until "
        "its toggle opens it."
    ),
    ".w-field__comment-button": (
        "The page editor's 'Add comment' buttons sit in the fields' right gutter, which "
        "Wagtail does not fold at this width; they still take focus and open."
    ),
}

# Content past the right edge of the window that no scrolling box lets one reach: Wagtail's
# main column (main.content-wrapper) hides what overflows, so the document itself never
# scrolls sideways and a too-wide table would simply be cut off.
CUT_OFF = """(allowed) => {
  const width = window.innerWidth, found = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width < 2 || box.height < 2 || box.right <= width + 1) continue;
    if (getComputedStyle(el).visibility === 'hidden') continue;
    if (allowed.some((selector) => el.closest(selector))) continue;
    let parent = el.parentElement, scrolls = false;
    while (parent && !scrolls) {
      scrolls = ['auto', 'scroll'].includes(getComputedStyle(parent).overflowX);
      parent = parent.parentElement;
    }
    if (!scrolls) found.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`
      + ` ends at ${Math.round(box.right)} px`);
  }
  return found;
}"""


IN_FRENCH_TOO = ("dashboard", "request-responses", "meeting-convocation", "statistics")


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
    meeting = MeetingPage.objects.filter(
        status=MeetingStatus.CONVENED, alias_of__isnull=True, locale=network.locale
    ).first()
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer-network": reverse("wagtailadmin_explore", args=[network.pk]),
        "explorer-public": reverse("wagtailadmin_explore", args=[public.pk]),
        "page-edit-request": reverse("wagtailadmin_pages:edit", args=[request.pk]),
        "request-responses": reverse("information_request_responses", args=[request.pk]),
        "page-edit-meeting": reverse("wagtailadmin_pages:edit", args=[meeting.pk]),
        "meeting-convocation": reverse("meetings_convocation", args=[meeting.pk]),
        "meeting-attendance": reverse("meetings_attendance", args=[meeting.pk]),
        "agenda-suggestions": reverse(f"{SUGGESTIONS}:index"),
        "outgoing-emails": reverse("outgoing_emails:index"),
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


def excused(violation_id: str, node: dict) -> bool:
    where = " ".join(str(part) for part in node["target"]) + " " + node["html"]
    return any(rule == violation_id and piece in where for (rule, piece) in WAGTAIL_OWN_AXE)


def problems_on(tab, name: str, url: str) -> list[str]:
    response = tab.goto(url)
    found = []
    if response is None or response.status != 200:
        return [f"{name}: answered {response.status if response else 'nothing'}"]
    keep_screenshot(tab, f"admin-{name}-390")
    if (extra := sideways_scroll(tab)) > 0:
        found.append(f"{name}: the document scrolls {extra} px sideways at 390 px")
    if cut_off := tab.evaluate(CUT_OFF, list(WAGTAIL_OWN_LAYOUT)):
        found.append(f"{name}: cut off at the right edge: {cut_off[:3]}")
    tab.add_script_tag(content=AXE)
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    for violation in result["violations"]:
        if violation["impact"] not in SERIOUS:
            continue
        targets = [
            node["target"] for node in violation["nodes"] if not excused(violation["id"], node)
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
    # French is longer: the screens with the most of our text, again in French.
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "fr", "url": live_server.url}]
    )
    for name in IN_FRENCH_TOO:
        found += problems_on(tab, f"{name}-fr", live_server.url + screens[name])
    assert tab.evaluate("document.documentElement.lang") == "fr"
    context.close()

    assert not found, f"{len(found)} problem(s):\n" + "\n".join(found)
