"""The second step of sign-in fed garbage codes: never a server error, the session never
verified, and wrong codes throttled with a message."""

import re

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from hypothesis import assume, given
from hypothesis import strategies as st

from .conftest import SecondFactor
from .isolation import fresh_example
from .markup import injected_markup, parse
from .strategies import around_the_limit, garbage_value, hostile_text
from .wire import as_received, body_of, post_form

pytestmark = pytest.mark.django_db

VERIFY = "/en/accounts/verify/"
THROTTLED = "Too many incorrect codes."

codes = st.one_of(
    hostile_text(40),
    st.from_regex(r"[0-9 ]{6,9}", fullmatch=True),
    st.from_regex(r"[a-z0-9-]{8,10}", fullmatch=True),
    around_the_limit(40),
    garbage_value,
)
FIELD_NAMES = ("totp-code", "backup-code", "code", "otp_device", "otp_token", "next")


def could_be_right(code: str | list[str], second_factor: SecondFactor) -> bool:
    """Whether `code` could be a code that works now: those are left out of the garbage."""
    sent = as_received(code[-1] if isinstance(code, list) else code)
    device = second_factor.authenticator
    digits = re.sub(r"\s+", "", sent)
    if re.fullmatch(r"[0-9]{1,8}", digits):
        for drift in range(-device.tolerance - 1, device.tolerance + 2):
            totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
            totp.time = totp.time + drift * device.step
            if int(digits) == totp.token():
                return True
    return re.sub(r"[\s-]+", "", sent).lower() in second_factor.backup_codes


def signed_in_with_password(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@given(
    fields=st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=10), codes, max_size=4)
)
def test_garbage_codes_never_verify_the_session_and_are_never_a_server_error(
    focal_point, second_factor, fields
):
    assume(not any(could_be_right(code, second_factor) for code in fields.values()))
    with fresh_example():
        client = signed_in_with_password(focal_point)

        response = post_form(client, VERIFY, fields)

        page = parse(body_of(response))
        assert response.status_code == 200
        assert DEVICE_ID_SESSION_KEY not in client.session
        assert page.alerts, "a refused code says why"
        assert injected_markup(page) == []


six_digits = st.from_regex(r"[0-9]{6}", fullmatch=True)


@given(first=six_digits, second=six_digits)
def test_a_second_wrong_code_at_once_is_throttled_with_a_message(
    focal_point, second_factor, first, second
):
    assume(not could_be_right(first, second_factor) and not could_be_right(second, second_factor))
    with fresh_example():
        client = signed_in_with_password(focal_point)
        post_form(client, VERIFY, {"totp-code": first})

        response = post_form(client, VERIFY, {"totp-code": second})

        assert response.status_code == 200
        assert THROTTLED in parse(body_of(response)).alerts
        assert DEVICE_ID_SESSION_KEY not in client.session
