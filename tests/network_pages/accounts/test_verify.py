"""The code step: authenticator codes once each, backup codes once each, throttled guessing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from network_pages.factories import replace_backup_codes
from tests.conftest import sign_in

from .conftest import authenticator_code, enter_backup_code, enter_code

pytestmark = pytest.mark.django_db

NOT_CORRECT = "This code is not correct, or it has already been used."


def code_errors(response, form="authenticator_form") -> list[str]:
    return list(response.context[form].errors.get("code", []))


def is_verified(client) -> bool:
    return client.get("/en/accounts/").status_code == 200


def test_verify_page_has_labelled_numeric_code_field(client, authenticator):
    sign_in(client, authenticator.user, verified=False)

    html = client.get("/en/accounts/verify/").content.decode()

    assert '<label for="id_totp-code">' in html
    assert 'inputmode="numeric"' in html
    assert 'autocomplete="one-time-code"' in html
    assert '<label for="id_backup-code">' in html


def test_anonymous_visitor_on_the_code_step_is_sent_to_login(client):
    response = client.get("/en/accounts/verify/?next=/en/network/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fen%2Fnetwork%2F"


def test_member_without_an_authenticator_is_sent_from_the_code_step_to_enrol(client, focal_point):
    sign_in(client, focal_point, verified=False)

    response = client.get("/en/accounts/verify/")

    assert response["Location"] == "/en/accounts/enrol/"


def test_authenticator_code_verifies_the_session(client, authenticator):
    sign_in(client, authenticator.user, verified=False)

    response = enter_code(client, authenticator_code(authenticator))

    assert response.status_code == 302
    assert is_verified(client)


def test_wrong_code_is_refused(client, authenticator):
    sign_in(client, authenticator.user, verified=False)

    response = enter_code(client, authenticator_code(authenticator, steps_ahead=5))

    assert response.status_code == 200
    assert code_errors(response) == [NOT_CORRECT]
    assert not is_verified(client)


def test_authenticator_code_cannot_be_used_twice(client, authenticator):
    code = authenticator_code(authenticator)
    sign_in(client, authenticator.user, verified=False)
    enter_code(client, code)
    client.post("/en/accounts/logout/")

    sign_in(client, authenticator.user, verified=False)
    response = enter_code(client, code)

    assert code_errors(response) == [NOT_CORRECT]
    assert not is_verified(client)


def fail_and_wait(client, authenticator, failures: int) -> None:
    """Enter `failures` wrong codes, each after the previous delay has passed."""
    for _ in range(failures):
        enter_code(client, authenticator_code(authenticator, steps_ahead=5))
        authenticator.refresh_from_db()
        authenticator.throttling_failure_timestamp -= timedelta(hours=1)
        authenticator.save()
    authenticator.throttling_failure_timestamp = timezone.now()
    authenticator.save()


def test_repeated_wrong_codes_throttle_even_the_right_code(client, authenticator):
    sign_in(client, authenticator.user, verified=False)
    fail_and_wait(client, authenticator, failures=4)  # next try allowed after 8 s

    response = enter_code(client, authenticator_code(authenticator))

    [error] = code_errors(response)
    assert error.startswith("Too many incorrect codes. Please wait ")
    assert not is_verified(client)


def test_right_code_is_accepted_once_the_throttle_delay_has_passed(client, authenticator):
    sign_in(client, authenticator.user, verified=False)
    fail_and_wait(client, authenticator, failures=4)
    authenticator.throttling_failure_timestamp -= timedelta(seconds=9)
    authenticator.save()

    response = enter_code(client, authenticator_code(authenticator))

    assert response.status_code == 302
    authenticator.refresh_from_db()
    assert authenticator.throttling_failure_count == 0


def test_backup_code_works_only_once(client, authenticator):
    code = replace_backup_codes(authenticator.user)[0]
    sign_in(client, authenticator.user, verified=False)
    response = enter_backup_code(client, code)
    assert response.status_code == 302
    assert is_verified(client)
    client.post("/en/accounts/logout/")

    sign_in(client, authenticator.user, verified=False)
    response = enter_backup_code(client, code)

    assert code_errors(response, "backup_form") == [NOT_CORRECT]
    assert not is_verified(client)


def test_backup_code_is_accepted_in_capitals_and_with_spaces(client, authenticator):
    code = replace_backup_codes(authenticator.user)[0]
    sign_in(client, authenticator.user, verified=False)

    response = enter_backup_code(client, f" {code[:4].upper()} {code[4:].upper()} ")

    assert response.status_code == 302


def test_backup_code_without_any_issued_is_refused(client, authenticator):
    sign_in(client, authenticator.user, verified=False)

    response = enter_backup_code(client, "abcdefgh")

    assert code_errors(response, "backup_form") == [NOT_CORRECT]


@pytest.mark.parametrize("code", ["abcdef", "12 34", "１２３４５６", "9" * 100_000, ""])
def test_malformed_authenticator_code_is_refused_without_an_error(client, authenticator, code):
    sign_in(client, authenticator.user, verified=False)

    response = enter_code(client, code)

    assert response.status_code == 200
    assert code_errors(response)
    authenticator.refresh_from_db()
    assert authenticator.throttling_failure_count == 0


@pytest.mark.parametrize("code", ["<script>", "x" * 100_000, "ab/cd"])
def test_malformed_backup_code_is_refused_without_an_error(client, authenticator, code):
    sign_in(client, authenticator.user, verified=False)

    response = enter_backup_code(client, code)

    assert response.status_code == 200
    assert code_errors(response, "backup_form")


def test_verified_session_on_the_code_step_goes_on_to_next(client, authenticator):
    sign_in(client, authenticator.user)

    response = client.get("/en/accounts/verify/?next=/en/accounts/")

    assert response["Location"] == "/en/accounts/"


def test_code_step_is_private(client, authenticator):
    sign_in(client, authenticator.user, verified=False)

    response = client.get("/en/accounts/verify/")

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
