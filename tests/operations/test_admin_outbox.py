"""The DMR sees every outgoing email and its outcome, and sends a failed one again; nobody
else reaches these admin views."""

import pytest
from django.core.mail import EmailMessage
from django.urls import reverse

from nfp_site.operations import outbox
from nfp_site.operations.models import OutboundEmail
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

INDEX = "outgoing_emails:index"


@pytest.fixture
def failed(smtp):
    smtp.refused.add("gone@example.org")
    email = outbox.queue(EmailMessage("Convocation: plenary", "Body", to=["gone@example.org"]))
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.FAILED
    return email


def test_the_dmr_sees_a_failed_email_with_its_error(client, dmr_user, failed):
    sign_in(client, dmr_user)

    listing = client.get(reverse(INDEX), {"status": "failed"})
    inspect = client.get(reverse("outgoing_emails:inspect", args=[failed.pk]))

    assert listing.status_code == 200
    assert "Convocation: plenary" in listing.content.decode()
    assert reverse("outgoing_emails:send_again", args=[failed.pk]) in listing.content.decode()
    assert "550" in inspect.content.decode()
    assert "Body" not in inspect.content.decode()  # the content stays in the database


def test_the_dmr_sends_a_failed_email_again(
    client, dmr_user, failed, smtp, django_capture_on_commit_callbacks
):
    sign_in(client, dmr_user)
    smtp.refused.clear()
    url = reverse("outgoing_emails:send_again", args=[failed.pk])

    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == OutboundEmail.Status.SENT
    assert smtp.recipients == ["gone@example.org"]


@pytest.mark.parametrize("who", ["anonymous", "password-only", "focal point"])
def test_nobody_else_sees_or_resends_the_outgoing_emails(
    client, focal_point, dmr_user, failed, who
):
    if who == "password-only":
        sign_in(client, dmr_user, verified=False)
    elif who == "focal point":
        sign_in(client, focal_point)

    for url in (
        reverse(INDEX),
        reverse("outgoing_emails:inspect", args=[failed.pk]),
        reverse("outgoing_emails:send_again", args=[failed.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Convocation: plenary" not in response.content.decode()
    client.post(reverse("outgoing_emails:send_again", args=[failed.pk]))
    failed.refresh_from_db()
    assert failed.status == OutboundEmail.Status.FAILED
