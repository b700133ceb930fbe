"""The password step: uniform errors, rate limits, safe redirects, a fresh session."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client

from network_pages.accounts import rate_limits
from network_pages.factories import add_totp_device
from tests.conftest import sign_in

from .conftest import authenticator_code, enter_code, enter_password

pytestmark = pytest.mark.django_db


def non_field_errors(response) -> list[str]:
    return list(response.context["form"].non_field_errors())


def test_login_page_asks_for_username_and_password_with_autocomplete(client):
    response = client.get("/en/accounts/login/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_username">' in html
    assert '<label for="id_password">' in html
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "<title>Sign in · " in html


def test_login_page_is_private_even_for_anonymous_visitors(client):
    response = client.get("/en/accounts/login/")

    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_correct_password_leads_to_the_code_step(client, authenticator):
    response = enter_password(client, "fp_fr")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/verify/"
    assert client.session[SESSION_KEY] == str(authenticator.user.pk)


def test_member_without_an_authenticator_is_sent_to_enrolment(client, focal_point):
    response = enter_password(client, "fp_fr")

    assert response["Location"] == "/en/accounts/enrol/"


def test_full_sign_in_reaches_the_network_area(client, network, authenticator):
    enter_password(client, "fp_fr")
    response = enter_code(client, authenticator_code(authenticator))

    assert response.status_code == 302
    assert response["Location"] == "/en/network/"
    assert client.get("/en/network/").status_code == 200


def test_wrong_password_and_unknown_user_get_the_identical_message(client, focal_point):
    wrong_password = enter_password(client, "fp_fr", "not the password")
    unknown_user = enter_password(client, "nobody-here", "not the password")

    assert wrong_password.status_code == unknown_user.status_code == 200
    assert non_field_errors(wrong_password) == non_field_errors(unknown_user)
    assert non_field_errors(wrong_password) == [
        "This username and password do not match an active account. Check them and try again."
    ]
    assert SESSION_KEY not in client.session


def test_inactive_account_gets_the_same_message_as_a_wrong_password(client, focal_point):
    focal_point.is_active = False
    focal_point.save()

    response = enter_password(client, "fp_fr")

    assert non_field_errors(response) == [
        "This username and password do not match an active account. Check them and try again."
    ]


def test_account_is_locked_after_five_failures_from_any_address(client, authenticator):
    for attempt in range(rate_limits.FAILURES_PER_ACCOUNT):
        enter_password(client, "fp_fr", "wrong", REMOTE_ADDR=f"10.0.0.{attempt}")

    response = enter_password(client, "fp_fr", REMOTE_ADDR="10.0.1.1")

    assert response.status_code == 429
    assert "Too many unsuccessful sign-in attempts" in non_field_errors(response)[0]
    assert SESSION_KEY not in client.session


def test_unknown_username_is_limited_like_an_existing_one(client, focal_point):
    for _ in range(rate_limits.FAILURES_PER_ACCOUNT):
        enter_password(client, "nobody-here", "wrong")
    for _ in range(rate_limits.FAILURES_PER_ACCOUNT):
        enter_password(client, "fp_fr", "wrong")

    unknown = enter_password(client, "nobody-here", "wrong")
    existing = enter_password(client, "fp_fr", "wrong")

    assert unknown.status_code == existing.status_code == 429
    assert non_field_errors(unknown) == non_field_errors(existing)


def test_account_limit_does_not_lock_other_accounts(client, authenticator, other_focal_point):
    for _ in range(rate_limits.FAILURES_PER_ACCOUNT):
        enter_password(client, "fp_fr", "wrong")

    response = enter_password(client, "fp_de")

    assert response.status_code == 302


def test_address_is_locked_after_twenty_failures_on_any_accounts(client, authenticator):
    for attempt in range(rate_limits.FAILURES_PER_ADDRESS):
        enter_password(client, f"guess-{attempt}", "wrong", REMOTE_ADDR="192.0.2.7")

    blocked = enter_password(client, "fp_fr", REMOTE_ADDR="192.0.2.7")
    elsewhere = enter_password(client, "fp_fr", REMOTE_ADDR="192.0.2.8")

    assert blocked.status_code == 429
    assert elsewhere.status_code == 302


def test_forwarded_for_header_is_ignored_unless_proxies_are_trusted(client, authenticator):
    for attempt in range(rate_limits.FAILURES_PER_ADDRESS):
        enter_password(
            client, f"guess-{attempt}", "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}"
        )

    response = enter_password(client, "fp_fr")

    assert response.status_code == 429


def test_trusted_proxy_count_takes_the_client_from_forwarded_for(rf, settings):
    settings.NFP_TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1", REMOTE_ADDR="10.0.0.1")

    assert rate_limits.client_address(request) == "198.51.100.1"


def test_correct_password_clears_the_account_failures(client, authenticator):
    for _ in range(rate_limits.FAILURES_PER_ACCOUNT - 1):
        enter_password(client, "fp_fr", "wrong")
    enter_password(client, "fp_fr")
    client.logout()

    for _ in range(rate_limits.FAILURES_PER_ACCOUNT - 1):
        enter_password(client, "fp_fr", "wrong")
    response = enter_password(client, "fp_fr")

    assert response.status_code == 302


def test_session_key_changes_when_the_password_is_accepted(client, authenticator):
    session = client.session
    session["before"] = True
    session.save()
    anonymous_key = session.session_key

    enter_password(client, "fp_fr")

    assert client.session.session_key != anonymous_key


def test_session_key_changes_again_when_the_code_is_accepted(client, authenticator):
    enter_password(client, "fp_fr")
    password_only_key = client.session.session_key

    enter_code(client, authenticator_code(authenticator))

    assert client.session.session_key != password_only_key


def test_safe_next_is_kept_through_both_steps(client, network, authenticator):
    response = enter_password(client, "fp_fr", next_url="/en/network/directory/")
    assert response["Location"] == "/en/accounts/verify/?next=%2Fen%2Fnetwork%2Fdirectory%2F"

    response = client.post(response["Location"], {"totp-code": authenticator_code(authenticator)})

    assert response["Location"] == "/en/network/directory/"


@pytest.mark.parametrize(
    "evil",
    [
        "https://evil.example/",
        "//evil.example/",
        "http://evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "https://testserver@evil.example/",
    ],
)
def test_next_leading_off_the_site_is_ignored(client, authenticator, evil):
    response = enter_password(client, "fp_fr", next_url=evil)
    assert response["Location"] == "/en/accounts/verify/"

    response = client.post(
        "/en/accounts/verify/?next=" + evil, {"totp-code": authenticator_code(authenticator)}
    )

    assert response["Location"] == "/en/network/"


def test_password_only_session_cannot_reach_the_network_area(client, network, authenticator):
    enter_password(client, "fp_fr")

    response = client.get("/en/network/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/verify/?next=")


def test_password_only_session_cannot_reach_the_admin(client, network, dmr_user):
    add_totp_device(dmr_user)
    enter_password(client, "dmr")

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/verify/?next=")


def test_over_long_input_is_refused_without_an_error(client, focal_point):
    response = enter_password(client, "x" * 100_000, "y" * 100_000)

    assert response.status_code == 200
    assert response.context["form"].errors


def test_verified_member_on_the_login_page_sees_the_form_not_a_redirect(client, focal_point):
    # Wagtail sends verified non-editors from /admin/ to the login page: no loop.
    sign_in(client, focal_point)

    response = client.get("/en/accounts/login/?next=/admin/")

    assert response.status_code == 200
    assert "You are already signed in as fp_fr" in response.content.decode()


def test_login_needs_a_csrf_token(focal_point):
    client = Client(enforce_csrf_checks=True)

    response = enter_password(client, "fp_fr")

    assert response.status_code == 403
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize(
    ("path", "visitor"),
    [
        ("login/", "anonymous"),
        ("verify/", "password-only"),
        ("enrol/", "password-only, no app"),
        ("", "verified"),
        ("backup-codes/", "verified"),
    ],
)
def test_accounts_pages_have_a_french_interface(
    client, authenticator, other_focal_point, path, visitor
):
    if visitor == "password-only":
        sign_in(client, authenticator.user, verified=False)
    elif visitor == "password-only, no app":
        sign_in(client, other_focal_point, verified=False)
    elif visitor == "verified":
        sign_in(client, authenticator.user)

    response = client.get(f"/fr/accounts/{path}")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert f'<a href="/en/accounts/{path}" hreflang="en"' in html  # the switcher


def test_french_sign_in_stays_in_french(client, authenticator):
    # The preferred language decides after sign-in (test_preferred_language.py).
    authenticator.user.member_profile.preferred_language = "fr"
    authenticator.user.member_profile.save()
    response = enter_password(client, "fp_fr", language="fr")
    assert response["Location"] == "/fr/accounts/verify/"

    response = enter_code(client, authenticator_code(authenticator), language="fr")

    assert response["Location"] == "/fr/reseau/"


def test_a_stranger_cannot_lock_a_member_out_of_their_usual_network(client, authenticator):
    """Issue 13, 9: five wrong passwords from anyone no longer block the member's own."""
    enter_password(client, "fp_fr")
    enter_code(client, authenticator_code(authenticator))  # from 127.0.0.1: a usual network
    client.logout()
    for attempt in range(rate_limits.FAILURES_PER_ACCOUNT * 3):
        enter_password(Client(), "fp_fr", "wrong", REMOTE_ADDR=f"198.51.100.{attempt}")

    at_home = enter_password(client, "fp_fr", REMOTE_ADDR="127.0.0.9")
    elsewhere = enter_password(Client(), "fp_fr", REMOTE_ADDR="203.0.113.5")

    assert at_home.status_code == 302
    assert at_home["Location"].startswith("/en/accounts/verify/")
    assert elsewhere.status_code == 429


def test_a_stranger_on_the_members_network_is_held_per_address(client, authenticator):
    enter_password(client, "fp_fr")
    enter_code(client, authenticator_code(authenticator))
    client.logout()
    for _ in range(rate_limits.FAILURES_PER_ACCOUNT):
        enter_password(Client(), "fp_fr", "wrong", REMOTE_ADDR="127.0.0.66")

    stranger = enter_password(Client(), "fp_fr", REMOTE_ADDR="127.0.0.66")
    member = enter_password(client, "fp_fr", REMOTE_ADDR="127.0.0.9")

    assert stranger.status_code == 429
    assert member.status_code == 302


def test_each_new_lock_of_an_account_lasts_twice_as_long(monkeypatch):
    locks = []
    original = rate_limits.cache.set

    def recording_set(key, value, timeout=None, **kwargs):
        if ":lock:" in key:
            locks.append(timeout)
        return original(key, value, timeout=timeout, **kwargs)

    monkeypatch.setattr(rate_limits.cache, "set", recording_set)
    for round_ in range(3):
        for attempt in range(rate_limits.FAILURES_PER_ACCOUNT):
            rate_limits.record_password_failure("fp_fr", f"198.51.{round_}.{attempt}")

    assert locks == [rate_limits.WINDOW_SECONDS * factor for factor in (1, 2, 4)]
