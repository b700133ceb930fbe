"""The DMR's audit trail: security events in Wagtail's audit log, never with a secret."""

import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry, PageLogEntry

from network_pages import audit
from network_pages.community.comments import posting
from network_pages.community.factories import make_comment
from network_pages.factories import add_totp_device
from network_pages.meetings import convocation
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.network_area import ensure_network_collection
from tests.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def entries(action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action=action))


def test_sign_in_and_refused_password_are_logged_without_the_password(client, focal_point):
    client.post("/en/accounts/login/", {"username": "fp_fr", "password": "wrong guess 123"})
    client.post("/en/accounts/login/", {"username": "fp_fr", "password": PASSWORD})

    refused, signed_in = entries(audit.SIGN_IN_REFUSED), entries(audit.SIGN_IN)
    assert [entry.object_id for entry in refused] == [str(focal_point.pk)]
    assert [entry.object_id for entry in signed_in] == [str(focal_point.pk)]
    logged = json.dumps([entry.data for entry in ModelLogEntry.objects.all()])
    assert "wrong guess" not in logged and PASSWORD not in logged
    assert signed_in[0].data["address"] == "127.0.0.1"


def test_refused_code_is_logged_without_the_code(client, focal_point):
    add_totp_device(focal_point)
    sign_in(client, focal_point, verified=False)

    client.post("/en/accounts/verify/", {"totp-code": "123456"})

    refused = entries(audit.CODE_REFUSED)
    assert len(refused) == 1
    assert "123456" not in json.dumps(refused[0].data)


def test_download_of_a_restricted_document_is_logged(client, network, dmr_user):
    # Attached to nothing, a network document is the DMR's alone (files follow their owner).
    document = get_document_model()(title="Minutes", collection=ensure_network_collection())
    document.file.save("minutes.txt", ContentFile(b"minutes"), save=False)
    document.save()

    response = sign_in(client, dmr_user).get(document.url)
    b"".join(response.streaming_content)  # read to the end, which closes the file

    downloads = entries(audit.DOCUMENT_DOWNLOADED)
    assert [(entry.object_id, entry.user_id) for entry in downloads] == [
        (str(document.pk), dmr_user.pk)
    ]


def test_directory_export_is_logged(client, network, dmr_user):
    sign_in(client, dmr_user).get("/en/network/directory/export/csv/")

    exports = PageLogEntry.objects.filter(action=audit.EXPORTED)
    assert [entry.user_id for entry in exports] == [dmr_user.pk]


def test_dmr_reads_the_trail_in_the_site_history_report(client, network, focal_point, dmr_user):
    client.post("/en/accounts/login/", {"username": "fp_fr", "password": PASSWORD})
    client.logout()

    response = sign_in(client, dmr_user).get(
        "/admin/reports/site-history/", {"action": audit.SIGN_IN}
    )

    assert response.status_code == 200
    assert "Signed in with a password" in response.content.decode()


def test_a_convocation_is_logged_with_its_kind_and_count_not_the_addresses(
    network, focal_point, other_focal_point, dmr_user
):
    meeting = make_meeting(ensure_meetings_index(network), opening=days_from_today(90))

    convocation.send_convocation(meeting, sent_by=dmr_user)

    entry = PageLogEntry.objects.get(action=convocation.SEND_ACTION)
    assert entry.page_id == meeting.pk
    assert entry.user == dmr_user
    assert entry.data["kind"] == "convocation"
    assert entry.data["recipients"] == 2
    assert "example.org" not in json.dumps(entry.data)


def test_hiding_and_showing_a_comment_again_are_logged_with_the_reason_not_the_text(
    network, focal_point, dmr_user
):
    comment = make_comment(network, focal_point, body="A remark naming someone")

    posting.hide_comment(comment, by=dmr_user, reason="Personal data")
    posting.restore_comment(comment, by=dmr_user)

    hidden = ModelLogEntry.objects.get(action=posting.HIDE_ACTION)
    assert hidden.user == dmr_user
    assert hidden.data == {"reason": "Personal data"}
    assert ModelLogEntry.objects.filter(action=posting.RESTORE_ACTION).count() == 1
    logged = json.dumps([entry.data for entry in ModelLogEntry.objects.all()])
    assert "naming someone" not in logged


@pytest.mark.parametrize(
    ("action", "label"),
    [
        (convocation.SEND_ACTION, "Convocation sent"),
        (posting.HIDE_ACTION, "Comment hidden"),
    ],
)
def test_dmr_filters_the_site_history_by_convocations_and_moderation(
    client, network, focal_point, other_focal_point, dmr_user, action, label
):
    meeting = make_meeting(ensure_meetings_index(network), opening=days_from_today(90))
    convocation.send_convocation(meeting, sent_by=dmr_user)
    posting.hide_comment(make_comment(meeting, focal_point), by=dmr_user, reason="Off topic")

    response = sign_in(client, dmr_user).get("/admin/reports/site-history/", {"action": action})

    assert response.status_code == 200
    body = response.content.decode()
    assert label in body
    other = "Comment hidden" if action == convocation.SEND_ACTION else "Convocation sent"
    assert other not in body
