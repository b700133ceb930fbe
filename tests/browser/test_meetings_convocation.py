"""4.1 end to end: a DMR editor creates a plenary in the Wagtail page editor, sees its
convocation deadline and sends the convocation, which reaches the Focal Points."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from network_pages import roles
from network_pages.factories import add_totp_device, make_member
from network_pages.meetings.factories import days_from_today
from network_pages.meetings.models import Convocation, MeetingPage, MeetingStatus
from network_pages.meetings.site_setup import ensure_meetings_index

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATETIME = "%Y-%m-%d %H:%M"


def sign_in_tab(page, live_server, user) -> None:
    """Give the tab a session signed in and verified with a one-time password."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = add_totp_device(user).persistent_id
    session.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )


def test_dmr_creates_a_plenary_in_the_admin_and_sends_its_convocation(live_server, page, network):
    index = ensure_meetings_index(network)
    dmr = make_member("dmr", groups=(roles.DMR_SECRETARIAT,), state=None)
    make_member("fp_fr", groups=(roles.FOCAL_POINTS,), state="FR")
    sign_in_tab(page, live_server, dmr)
    opening = timezone.localtime(days_from_today(120))

    page.goto(f"{live_server.url}/admin/pages/add/meetings/meetingpage/{index.pk}/")
    page.locator("#id_title").fill("Plenary meeting in the browser")
    page.locator("#id_venue").fill("Palais de l'Europe, Strasbourg")
    page.get_by_role("button", name="Add Agenda item").click()
    page.locator("#id_agenda_items-0-title").fill("Opening of the meeting")
    for field, moment in (("opening", opening), ("closing", opening + timedelta(hours=8))):
        page.locator(f"#id_{field}").fill(moment.strftime(DATETIME))
        page.keyboard.press("Escape")  # close the date picker
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/")

    meeting = MeetingPage.objects.get(title="Plenary meeting in the browser", alias_of=None)
    page.goto(f"{live_server.url}/admin/pages/{meeting.pk}/edit/")
    assert page.get_by_text("Convocation deadline (4.1)").is_visible()
    page.get_by_role("link", name="Send the convocation").click()
    page.wait_for_url(f"**/admin/meetings/{meeting.pk}/convocation/")
    assert page.get_by_text("Convocation due in").is_visible()
    page.get_by_role("button", name="Send: Convocation").click()
    page.wait_for_load_state()

    assert page.get_by_text("Convocation recorded for 1 person.").is_visible()
    assert Convocation.objects.get(meeting=meeting).sent_by == dmr
    assert MeetingPage.objects.get(pk=meeting.pk).status == MeetingStatus.CONVENED
    announcement, message = mail.outbox  # the new meeting's notification, then the convocation
    assert announcement.subject.endswith("New meeting: “Plenary meeting in the browser”")
    assert message.to == ["fp_fr@example.org"]
    assert message.subject == "Convocation: Plenary meeting in the browser"
    assert "1. Opening of the meeting" in message.body
