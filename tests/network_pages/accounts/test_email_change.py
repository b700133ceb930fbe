"""A member changes their email address: the new address confirms it with a signed link that
works once, for a day, for that account only, in a verified session; the old address is told."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.test import Client
from wagtail.models import ModelLogEntry

from network_pages import audit
from network_pages.factories import make_member
from tests.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db

NEW = "claire.dubois@interieur.example"
LINK = re.compile(r"http://testserver(/(en|fr)/accounts/email/confirm/[^/\s]+/)")


def ask(client, new_email=NEW, password=PASSWORD, language="en"):
    return client.post(
        f"/{language}/accounts/email/",
        {"email-new_email": new_email, "email-password": password},
    )


def link_in(message) -> str:
    return LINK.search(message.body).group(1)


def asked_link(client, user, new_email=NEW) -> str:
    sign_in(client, user)
    mail.outbox.clear()
    response = ask(client, new_email)
    assert response.status_code == 302, response.content.decode()
    (message,) = mail.outbox
    return link_in(message)


def email_of(user) -> str:
    user.refresh_from_db()
    return user.email


def test_the_account_page_shows_the_address_and_the_form(client, focal_point):
    sign_in(client, focal_point)

    html = client.get("/en/accounts/").content.decode()

    assert "<strong>fp_fr@example.org</strong>" in html
    assert 'action="/en/accounts/email/"' in html
    assert 'name="email-new_email"' in html


def test_asking_sends_a_link_to_the_new_address_and_changes_nothing_yet(client, focal_point):
    sign_in(client, focal_point)

    response = ask(client)

    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [NEW]
    assert "Confirm your new email address" in message.subject
    assert LINK.search(message.body)
    assert email_of(focal_point) == "fp_fr@example.org"
    page = client.get("/en/accounts/").content.decode()
    assert f"We have sent a link to {NEW}." in page


def test_opening_the_link_shows_a_button_and_changes_nothing(client, focal_point):
    link = asked_link(client, focal_point)

    response = client.get(link)

    assert response.status_code == 200
    assert f"<strong>{NEW}</strong>" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert email_of(focal_point) == "fp_fr@example.org"


def test_confirming_changes_the_one_address_and_tells_the_old_one(client, focal_point):
    link = asked_link(client, focal_point)
    mail.outbox.clear()

    response = client.post(link)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/"
    assert email_of(focal_point) == NEW
    (notice,) = mail.outbox
    assert notice.to == ["fp_fr@example.org"]
    assert NEW in notice.body
    assert ModelLogEntry.objects.filter(
        object_id=str(focal_point.pk), action=audit.EMAIL_CHANGED
    ).exists()


def test_a_link_works_once(client, focal_point):
    link = asked_link(client, focal_point)
    client.post(link)

    again = client.post(link)

    assert again.status_code == 400
    assert "it has been used" in again.content.decode()


def test_an_old_link_cannot_bring_back_an_address_changed_since(client, focal_point):
    first = asked_link(client, focal_point, "first@example.org")
    client.post(first)
    back = asked_link(client, focal_point, "fp_fr@example.org")
    client.post(back)
    assert email_of(focal_point) == "fp_fr@example.org"

    replay = client.post(first)

    assert replay.status_code == 400
    assert email_of(focal_point) == "fp_fr@example.org"


def test_an_expired_link_is_refused(client, focal_point, monkeypatch):
    link = asked_link(client, focal_point)
    later = time.time() + 25 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: later)

    response = client.post(link)

    assert response.status_code == 400
    assert "This link has expired." in response.content.decode()
    assert email_of(focal_point) == "fp_fr@example.org"


def test_a_link_stops_working_when_the_password_changes(client, focal_point):
    link = asked_link(client, focal_point)
    client.post(
        "/en/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a much longer new passphrase 2027",
            "new_password2": "a much longer new passphrase 2027",
        },
    )

    response = client.post(link)

    assert response.status_code == 400
    assert email_of(focal_point) == "fp_fr@example.org"


def test_a_link_stops_working_when_the_address_changes_otherwise(client, focal_point):
    link = asked_link(client, focal_point)
    get_user_model().objects.filter(pk=focal_point.pk).update(email="set.by@dmr.example")

    response = client.post(link)

    assert response.status_code == 400
    assert email_of(focal_point) == "set.by@dmr.example"


def test_another_member_cannot_confirm_someone_elses_link(client, focal_point, other_focal_point):
    link = asked_link(client, focal_point)
    other = sign_in(Client(), other_focal_point)

    seen = other.get(link)
    confirmed = other.post(link)

    assert (seen.status_code, confirmed.status_code) == (200, 400)
    for response in (seen, confirmed):
        assert "This link is not valid for the account you are signed in with." in (
            response.content.decode()
        )
        assert NEW not in response.content.decode()
    assert email_of(focal_point) == "fp_fr@example.org"
    assert email_of(other_focal_point) == "fp_de@example.org"


def test_an_anonymous_visitor_is_sent_to_sign_in_and_changes_nothing(client, focal_point):
    link = asked_link(Client(), focal_point)

    response = client.post(link)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?")
    assert email_of(focal_point) == "fp_fr@example.org"


def test_a_password_only_session_cannot_confirm_or_ask(client, focal_point):
    link = asked_link(Client(), focal_point)
    sign_in(client, focal_point, verified=False)
    mail.outbox.clear()

    confirmed = client.post(link)
    asked = ask(client, "else@example.org")

    assert confirmed["Location"].startswith("/en/accounts/verify/?")
    assert asked["Location"].startswith("/en/accounts/verify/?")
    assert email_of(focal_point) == "fp_fr@example.org"
    assert mail.outbox == []


@pytest.mark.parametrize(
    "taken", ["FP_DE@Example.org", "deputy.work@example.org", "DEPUTY.WORK@example.org"]
)
def test_an_address_another_account_uses_is_refused(client, focal_point, other_focal_point, taken):
    make_member("deputy", state="DE", email="deputy.work@example.org")
    sign_in(client, focal_point)

    response = ask(client, taken)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Another account already uses this email address." in html
    assert 'href="#id_email-new_email"' in html
    assert mail.outbox == []


def test_the_current_address_and_a_wrong_password_are_refused(client, focal_point):
    sign_in(client, focal_point)

    same = ask(client, "FP_FR@example.org")
    wrong = ask(client, password="not my password")

    assert "This is already your email address." in same.content.decode()
    assert "This password is not correct." in wrong.content.decode()
    assert mail.outbox == []


def test_an_address_taken_after_the_link_was_sent_is_refused_on_confirmation(client, focal_point):
    link = asked_link(client, focal_point)
    get_user_model().objects.filter(pk=make_member("late", state="DE").pk).update(email=NEW)

    response = client.post(link)

    assert response.status_code == 400
    assert email_of(focal_point) == "fp_fr@example.org"


def test_links_are_limited_to_three_an_hour(client, focal_point):
    sign_in(client, focal_point)
    for number in range(3):
        assert ask(client, f"new{number}@example.org").status_code == 302

    fourth = ask(client, "new3@example.org")

    assert fourth.status_code == 429
    assert "several confirmation links in the last hour" in fourth.content.decode()
    assert len(mail.outbox) == 3


def test_in_french_the_page_the_link_and_the_notice_are_french(client, focal_point):
    sign_in(client, focal_point)

    page = client.get("/fr/accounts/").content.decode()
    ask(client, language="fr")
    (message,) = mail.outbox
    link = link_in(message)
    confirm_page = client.get(link).content.decode()
    mail.outbox.clear()
    client.post(link)
    (notice,) = mail.outbox

    assert "Votre adresse électronique" in page
    assert link.startswith("/fr/")
    assert "Confirmez votre nouvelle adresse électronique" in message.subject
    assert "Confirmer ma nouvelle adresse électronique" in confirm_page
    assert "a changé" in notice.subject


def test_the_account_page_shows_the_one_address_and_no_other(client, focal_point):
    html = sign_in(client, focal_point).get("/en/accounts/").content.decode()

    assert (
        "Notifications, convocations and the directory use <strong>fp_fr@example.org</strong>"
        in html
    )
    assert "work address" not in html
