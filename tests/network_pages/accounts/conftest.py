"""Helpers for the sign-in tests: codes as an authenticator app would show them."""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django_otp.oath import TOTP

from network_pages.factories import add_totp_device
from tests.conftest import PASSWORD

KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test key


def authenticator_code(device, *, steps_ahead: int = 0) -> str:
    """The code `device`'s app shows now (or `steps_ahead` time steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def enter_password(client, username, password=PASSWORD, *, language="en", next_url=None, **extra):
    url = f"/{language}/accounts/login/"
    if next_url is not None:
        url += "?" + urlencode({"next": next_url})
    return client.post(url, {"username": username, "password": password}, **extra)


def enter_code(client, code, *, language="en", next_url=None):
    data = {"totp-code": code}
    if next_url is not None:
        data["next"] = next_url
    return client.post(f"/{language}/accounts/verify/", data)


def enter_backup_code(client, code, *, language="en"):
    return client.post(f"/{language}/accounts/verify/", {"backup-code": code})


@pytest.fixture
def authenticator(focal_point):
    """The Focal Point's confirmed authenticator app."""
    return add_totp_device(focal_point, key=KEY)


def next_of(location: str) -> str | None:
    """The `next` that a redirect's Location carries, decoded."""
    return parse_qs(urlsplit(location).query).get("next", [None])[0]
