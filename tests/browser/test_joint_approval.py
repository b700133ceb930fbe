"""3.3 end to end: a DMR editor drafts a publication and submits it; a network approver
approves; a DMR reviewer completes the precaution review and approves; anyone reads it in
English, then, once translated, in French."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django_otp import DEVICE_ID_SESSION_KEY
from playwright.sync_api import expect
from wagtail.models import Locale

from home.models import PublicationPage
from home.site_setup import ensure_public_indexes
from network_pages import roles
from network_pages.factories import add_totp_device, make_member
from network_pages.publication_drafts.setup import (
    ensure_joint_approval_workflow,
    ensure_publication_drafts,
)
from workflows.factories import complete_translation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Alternatives to detention in the member states"
FRENCH_TITLE = "Alternatives à la rétention dans les États membres"


def signed_in_tab(browser, live_server, user):
    """A browser tab whose session is signed in and verified with a one-time password."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = add_totp_device(user).persistent_id
    session.save()
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(15_000)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def test_a_publication_goes_public_in_english_then_french_through_the_joint_approval(
    live_server, browser, page, homes, network
):
    ensure_public_indexes(homes)
    drafts = ensure_publication_drafts(network)
    ensure_joint_approval_workflow(drafts)
    member = {"state": None, "password": "correct horse battery staple"}
    editor = make_member("dmr_editor", groups=(roles.DMR_SECRETARIAT,), **member)
    reviewer = make_member("dmr_reviewer", groups=(roles.DMR_SECRETARIAT,), **member)
    approver = make_member(
        "approver", groups=(roles.FOCAL_POINTS, roles.NETWORK_APPROVERS), state="IT"
    )

    # A DMR editor drafts the publication under Publication drafts and submits it.
    tab = signed_in_tab(browser, live_server, editor)
    tab.goto(f"{live_server.url}/admin/pages/add/home/publicationpage/{drafts.pk}/")
    tab.get_by_role("textbox", name="Title").fill(TITLE)
    tab.get_by_role("textbox", name="Summary").fill("What the network shared on alternatives.")
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Submit to Joint approval").click()
    tab.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))

    # The network approver follows the link of the email and approves.
    link = next(m for m in mail.outbox if m.to == ["approver@example.org"]).body.split()[-1]
    tab = signed_in_tab(browser, live_server, approver)
    tab.goto(link.replace("http://testserver", live_server.url))
    tab.get_by_role("button", name="Approve", exact=True).click()
    tab.get_by_text("Your approval for Network approvers is recorded.").wait_for()

    # A DMR reviewer completes the precaution review and approves: the page is public.
    tab = signed_in_tab(browser, live_server, reviewer)
    tab.goto(link.replace("http://testserver", live_server.url))
    assert tab.frame_locator("iframe").get_by_role("heading", level=1).inner_text() == TITLE
    for item in (
        "The content contains no personal data.",
        "Nothing is attributed to a member state without its consent.",
        "The content neither contains nor links to a confidential document or page.",
    ):
        tab.get_by_label(item).check()
    tab.get_by_role("button", name="Approve", exact=True).click()
    tab.get_by_text("is now public").wait_for()

    # Anyone reads it in English; the French link leads back with a notice until translated.
    page.goto(f"{live_server.url}/en/publications/")
    page.get_by_role("link", name=TITLE).click()
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    english_url = page.url
    page.get_by_role("navigation", name="Language").get_by_role("link", name="français").click()
    expect(page.get_by_role("note")).to_be_visible()

    # A translator completes the French version (wagtail-localize) and submits it from the
    # page; both parties compare it with the original and approve it (3.3): it goes public.
    publication = PublicationPage.objects.get(title=TITLE, locale__language_code="en")
    french = complete_translation(
        publication,
        Locale.objects.get(language_code="fr"),
        lambda text: FRENCH_TITLE if text == TITLE else text,
        user=editor,
    )
    mail.outbox.clear()
    tab = signed_in_tab(browser, live_server, editor)
    tab.goto(f"{live_server.url}/admin/joint-approval/submit-translation/{french.pk}/")
    tab.get_by_role("button", name="Submit to the joint approval").click()
    tab.get_by_text("is submitted to the joint approval").wait_for()

    link = next(m for m in mail.outbox if m.to == ["approver@example.org"]).body.split()[-1]
    link = link.replace("http://testserver", live_server.url)
    tab = signed_in_tab(browser, live_server, approver)
    tab.goto(link)
    side_by_side = (
        tab.get_by_role("table")
        .filter(has_text="Side by side")
        .or_(tab.locator("section[aria-labelledby=comparison-heading] table"))
    )
    assert TITLE in side_by_side.first.inner_text()
    assert FRENCH_TITLE in side_by_side.first.inner_text()
    tab.get_by_role("button", name="Approve", exact=True).click()
    tab.get_by_text("Your approval for Network approvers is recorded.").wait_for()

    tab = signed_in_tab(browser, live_server, reviewer)
    tab.goto(link)
    for item in (
        "The content contains no personal data.",
        "Nothing is attributed to a member state without its consent.",
        "The content neither contains nor links to a confidential document or page.",
    ):
        tab.get_by_label(item).check()
    tab.get_by_role("button", name="Approve", exact=True).click()
    tab.get_by_text("is now public").wait_for()

    # Another visitor (this browser may keep the English page for its max-age of 60 s).
    page = browser.new_context(locale="en-GB").new_page()
    page.goto(english_url)
    page.get_by_role("navigation", name="Language").get_by_role("link", name="français").click()
    assert "/fr/publications/" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == FRENCH_TITLE
