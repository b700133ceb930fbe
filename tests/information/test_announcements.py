"""A new request is emailed to every Focal Point once the DMR publishes it (title and link,
in each recipient's language); a Focal Point's request reaches the DMR as a draft."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network_pages import roles
from network_pages.community.models import Follow, NotificationPreference
from network_pages.community.notifications import Delivery, Kind
from network_pages.factories import make_member
from network_pages.information.factories import make_request
from network_pages.information.models import Announcement, InformationRequestPage
from tests.conftest import sign_in

from .test_request_rules import SUBMIT_URL, site_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(focal_point, other_focal_point, approver, dmr_user, guest, outsider):
    return {
        "inactive": make_member("retired", state="ES", is_active=False),
        "french_speaker": make_member("luc", state="BE", preferred_language="fr"),
    }


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def test_publishing_a_request_emails_every_active_focal_point_once(
    request_index, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_request(request_index, title="Detention alternatives")

    assert recipients() == {
        "fp_fr@example.org",
        "fp_de@example.org",
        "approver@example.org",
        "luc@example.org",
    }
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert mail.outbox == []
    assert Announcement.objects.filter(page=page).count() == 1


def test_new_request_email_is_in_the_recipients_language_without_the_questions(
    request_index, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_request(request_index, title="Detention alternatives", questions=["Secret question?"])

    to_luc = next(message for message in mail.outbox if message.to == ["luc@example.org"])
    to_claire = next(message for message in mail.outbox if message.to == ["fp_fr@example.org"])
    assert "Detention alternatives" in to_luc.subject
    assert to_luc.body.startswith("Bonjour Luc")  # the French greeting: his language
    assert to_claire.body.startswith("Dear Fp_fr")
    assert "http://testserver/fr/reseau/demandes-d-information/detention-alternatives/" in (
        to_luc.body
    )
    assert "http://testserver/en/network/information-requests/detention-alternatives/" in (
        to_claire.body
    )
    assert not any("Secret question" in message.body for message in mail.outbox)


def test_new_requests_follow_each_focal_points_notification_choice(
    request_index, people, focal_point, other_focal_point, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(
        user=focal_point, kind=Kind.REQUEST, delivery=Delivery.OFF
    )
    NotificationPreference.objects.create(
        user=other_focal_point, kind=Kind.REQUEST, delivery=Delivery.DIGEST
    )

    with django_capture_on_commit_callbacks(execute=True):
        make_request(request_index, title="Detention alternatives")
    assert "fp_fr@example.org" not in recipients()
    assert "fp_de@example.org" not in recipients()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests")
    assert recipients() == {"fp_de@example.org"}
    assert "Detention alternatives" in mail.outbox[0].body


def test_a_draft_request_sends_no_email_to_the_network(
    request_index, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_request(request_index, live=False)

    assert mail.outbox == []


def test_focal_points_request_becomes_a_draft_for_the_dmr_who_is_emailed(
    client, request_index, people, focal_point, django_capture_on_commit_callbacks
):
    sign_in(client, focal_point)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SUBMIT_URL.format(language="en"),
            site_form(["Who decides?"], title="Age assessment", language="en"),
        )

    assert response.status_code == 302
    page = InformationRequestPage.objects.get()
    assert not page.live
    assert page.has_unpublished_changes
    assert page.member_state.code == "FR"
    assert page.requested_by == focal_point
    assert recipients() == {"dmr@example.org"}
    assert f"/admin/pages/{page.pk}/edit/" in mail.outbox[0].body
    assert client.get(f"/en/network/information-requests/{page.slug}/").status_code == 404
    assert Follow.objects.filter(user=focal_point, page=page, reason="authored").exists()


def test_dmr_publishing_a_submitted_request_mirrors_it_into_french_and_announces_it(
    client, request_index, people, focal_point, django_capture_on_commit_callbacks
):
    sign_in(client, focal_point).post(
        SUBMIT_URL.format(language="en"), site_form(["Who decides?"], title="Age assessment")
    )
    page = InformationRequestPage.objects.get()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()

    assert InformationRequestPage.objects.filter(alias_of=page).count() == 1
    assert "fp_de@example.org" in recipients()
    assert client.get("/fr/reseau/demandes-d-information/age-assessment/").status_code == 200


def test_double_submission_of_the_request_form_creates_one_draft(
    client, request_index, focal_point
):
    sign_in(client, focal_point)
    data = site_form(["Who decides?"], title="Age assessment")

    client.post(SUBMIT_URL.format(language="en"), data)
    client.post(SUBMIT_URL.format(language="en"), data)

    assert InformationRequestPage.objects.count() == 1


def test_text_not_in_the_declared_language_gets_a_warning_not_a_refusal(
    client, request_index, focal_point
):
    sign_in(client, focal_point)
    french_text = (
        "Quelles mesures votre pays a-t-il prises pour l'accueil des mineurs non accompagnés ?"
    )
    data = site_form([french_text], title="Accueil des mineurs", language="en")
    data.pop("confirm_language")

    warned = client.post(SUBMIT_URL.format(language="en"), data)

    assert warned.status_code == 200
    assert "do not look written in the language you chose" in warned.content.decode()
    assert 'name="confirm_language"' in warned.content.decode()
    assert not InformationRequestPage.objects.exists()

    confirmed = client.post(SUBMIT_URL.format(language="en"), {**data, "confirm_language": "on"})

    assert confirmed.status_code == 302
    assert InformationRequestPage.objects.get().language == "en"


def test_text_in_the_declared_language_passes_without_a_warning(client, request_index, focal_point):
    sign_in(client, focal_point)
    data = site_form(
        ["Quelles mesures votre pays a-t-il prises pour l'accueil des mineurs non accompagnés ?"],
        title="Accueil des mineurs non accompagnés",
        language="fr",
    )
    data.pop("confirm_language")

    response = client.post(SUBMIT_URL.format(language="en"), data)

    assert response.status_code == 302


def test_guest_cannot_send_a_request(client, request_index, guest):
    sign_in(client, guest)

    response = client.post(SUBMIT_URL.format(language="en"), site_form(["Why?"]))

    assert response.status_code == 403
    assert not InformationRequestPage.objects.exists()


def test_request_index_lists_open_and_closed_requests_and_filters_them(
    client, request_index, focal_point
):
    make_request(request_index, title="Still open")
    make_request(request_index, title="Already closed", status="closed")
    make_request(request_index, title="Not published", live=False)
    sign_in(client, focal_point)

    everything = client.get("/en/network/information-requests/").content.decode()
    closed = client.get("/en/network/information-requests/?status=closed").content.decode()

    assert "Still open" in everything and "Already closed" in everything
    assert "Not published" not in everything
    assert "Already closed" in closed and "Still open" not in closed


def test_request_index_is_paginated(client, request_index, focal_point, settings):
    for number in range(21):
        make_request(
            request_index,
            title=f"Request {number:02d}",
            deadline=timezone.localdate() + timezone.timedelta(days=10 + number),
        )
    sign_in(client, focal_point)

    first = client.get("/en/network/information-requests/")
    second = client.get("/en/network/information-requests/?page=2")

    assert len(first.context["requests"]) == 20
    assert len(second.context["requests"]) == 1
    assert roles.FOCAL_POINTS  # the listing is for the network's members
