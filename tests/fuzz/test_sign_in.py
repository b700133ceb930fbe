"""Sign-in fed garbage usernames and passwords: never a server error, never a session, the
password never echoed, and the limit on guessing still holds whatever is typed."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import given, settings
from hypothesis import strategies as st

from network_pages.accounts import rate_limits
from network_pages.accounts.forms import MAX_PASSWORD_LENGTH
from tests.conftest import PASSWORD

from .isolation import fresh_example
from .markup import field_value, injected_markup, parse, squeezed
from .strategies import around_the_limit, garbage_value, hostile_text
from .wire import as_received, body_of, post_form

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
TOO_MANY = "Too many unsuccessful sign-in attempts. Please wait 15 minutes and try again."
# The same account as typed in other ways: the limit counts them together.
SAME_ACCOUNT = ("fp_fr", "FP_FR", " fp_fr ", "Fp_Fr", "\tfP_fR\r\n")

usernames = st.one_of(
    st.sampled_from([*SAME_ACCOUNT, "fp_fr\x00", "fp_fr\u200b"]),
    hostile_text(),
    around_the_limit(150),
)
passwords = st.one_of(
    hostile_text(),
    around_the_limit(MAX_PASSWORD_LENGTH),
    st.sampled_from([PASSWORD.upper(), f" {PASSWORD}", f"{PASSWORD}\x00"]),
)


def reaches_the_password_check(username: str, password: str) -> bool:
    """A well-formed attempt: only those count towards the limit."""
    username, password = as_received(username).strip(), as_received(password)
    return (
        0 < len(username) <= 150
        and 0 < len(password) <= MAX_PASSWORD_LENGTH
        and "\x00" not in username + password
    )


@given(
    username=usernames,
    password=passwords,
    extra=st.dictionaries(st.text(max_size=10), garbage_value, max_size=3),
)
def test_garbage_credentials_never_sign_in_and_are_never_a_server_error(
    focal_point, username, password, extra
):
    client = Client()
    with fresh_example():
        response = post_form(client, LOGIN, {**extra, "username": username, "password": password})

        page = parse(body_of(response))
        assert response.status_code == 200
        assert SESSION_KEY not in client.session
        assert page.alerts, "a refused sign-in says why"
        assert squeezed(field_value(page, "username") or "") == squeezed(as_received(username))
        assert field_value(page, "password") == ""
        assert injected_markup(page) == []


@settings(max_examples=10)
@given(
    attempts=st.lists(
        st.tuples(st.sampled_from(SAME_ACCOUNT), passwords).filter(
            lambda attempt: reaches_the_password_check(*attempt)
        ),
        min_size=rate_limits.FAILURES_PER_ACCOUNT,
        max_size=rate_limits.FAILURES_PER_ACCOUNT,
    )
)
def test_five_wrong_passwords_of_any_shape_lock_the_account_with_a_message(focal_point, attempts):
    client = Client()
    with fresh_example():
        for username, password in attempts:
            failed = post_form(client, LOGIN, {"username": username, "password": password})
            assert failed.status_code == 200

        response = post_form(client, LOGIN, {"username": "fp_fr", "password": PASSWORD})

        assert response.status_code == 429
        assert TOO_MANY in parse(body_of(response)).alerts
        assert SESSION_KEY not in client.session


next_addresses = st.one_of(
    hostile_text(),
    st.sampled_from(
        [
            "//evil.example/",
            "https://evil.example/",
            "/\\evil.example",
            "\\\\evil.example",
            "javascript:alert(1)",
            " /en/network/",
            "\x00/en/network/",
            "/en/network/\r\nSet-Cookie: x=1",
            "http://testserver@evil.example/",
            "/" + "a" * 2001,
        ]
    ),
)


@given(next_address=next_addresses)
def test_correct_password_with_a_hostile_next_stays_on_the_site(
    focal_point, second_factor, next_address
):
    client = Client()
    with fresh_example():
        response = post_form(
            client, LOGIN, {"username": "fp_fr", "password": PASSWORD, "next": next_address}
        )

        assert response.status_code == 302
        location = urlsplit(response["Location"])
        assert (location.scheme, location.netloc, location.path) == ("", "", "/en/accounts/verify/")
        for kept in parse_qs(location.query).get("next", []):
            assert url_has_allowed_host_and_scheme(kept, allowed_hosts={"testserver"})
            assert not kept.startswith(("//", "/\\"))
