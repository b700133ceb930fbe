"""4.4 end to end: a Focal Point signs in with a one-time code and suggests an agenda item."""

import pytest
from django_otp.oath import TOTP

from network_pages import roles
from network_pages.factories import add_totp_device, make_member
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.models import AgendaSuggestion
from network_pages.meetings.site_setup import ensure_meetings_index

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery staple"  # noqa: S105 - a test account
TOTP_KEY = "3132333435363738393031323334353637383930"


def test_focal_point_signs_in_with_a_one_time_code_and_suggests_an_agenda_item(
    live_server, page, network
):
    meeting = make_meeting(ensure_meetings_index(network), title="Plenary 2031", slug="plenary")
    focal_point = make_member("fp_fr", groups=(roles.FOCAL_POINTS,), state="FR", password=PASSWORD)
    add_totp_device(focal_point, key=TOTP_KEY)

    page.goto(f"{live_server.url}/en/network/meetings/plenary/")
    page.get_by_label("Username").fill("fp_fr")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/en/accounts/verify/**")
    code = f"{TOTP(bytes.fromhex(TOTP_KEY)).token():06d}"
    page.get_by_role("textbox", name="Code from your authenticator app").fill(code)
    page.get_by_role("button", name="Verify", exact=True).click()
    page.wait_for_url(f"{live_server.url}/en/network/meetings/plenary/")

    assert page.get_by_role("heading", name="Draft agenda").is_visible()
    page.get_by_label("Suggested agenda item").fill("Age assessment of children")
    page.get_by_label("Why this item?").fill("Practices differ widely between member states.")
    page.get_by_role("button", name="Send my suggestion").click()
    page.wait_for_url(f"{live_server.url}/en/network/meetings/plenary/#suggestions")

    assert page.get_by_text("Thank you: your suggestion was sent to the DMR.").is_visible()
    assert page.get_by_role("rowheader", name="Age assessment of children").is_visible()
    suggestion = AgendaSuggestion.objects.get()
    assert suggestion.meeting_id == meeting.pk
    assert suggestion.member_state.code == "FR"
