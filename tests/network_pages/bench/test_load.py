"""The load generator against a live server: requests counted in the window, sign-in with
the password and a one-time code, and the codes it computes are the authenticator's."""

import pytest
from django_otp.oath import TOTP

from network_pages.bench import load
from network_pages.factories import add_totp_device, make_member
from tests.conftest import PASSWORD

KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test key


def test_the_codes_are_those_of_an_authenticator_app():
    for at in (59, 1111111109, 1234567890, 2000000000):
        authenticator = TOTP(bytes.fromhex(KEY))
        authenticator.time = at
        assert load.totp(KEY, at=at) == f"{authenticator.token():06d}"


def test_percentiles_come_from_the_measured_latencies():
    measurement = load.Measurement(
        "/", 1.0, [n / 1000 for n in range(1, 101)], load.Counter({200: 100})
    )
    assert measurement.per_second == 100
    assert measurement.percentile(0.5) == pytest.approx(0.0505)
    assert measurement.percentile(0.99) == pytest.approx(0.09901)
    assert measurement.status == 200
    assert measurement.cpu_ms_per_request is None


@pytest.mark.django_db(transaction=True)
def test_the_load_counts_the_requests_completed_in_the_window(live_server, homes):
    measurement = load.run_load(
        live_server.url,
        "/en/accounts/login/",
        connections=2,
        seconds=1.5,
        warmup=0.2,
        cpu_seconds=lambda: 1.0,
    )
    assert measurement.requests > 0
    assert measurement.statuses == {200: measurement.requests}
    assert measurement.errors == 0
    assert measurement.cpu_seconds == 0
    assert measurement.latencies == sorted(measurement.latencies)


@pytest.mark.django_db(transaction=True)
def test_a_member_signs_in_with_the_password_and_the_code_and_reads_the_network(
    live_server, network
):
    member = make_member("fp_bench", password=PASSWORD)
    add_totp_device(member, key=KEY)

    cookies = load.sign_in(live_server.url, "fp_bench", PASSWORD, KEY)

    browser = load.Browser("127.0.0.1", int(live_server.url.rsplit(":", 1)[1]), cookies)
    status, _headers, _page = browser.request("GET", network.url)
    browser.close()
    assert status == 200


@pytest.mark.django_db(transaction=True)
def test_a_wrong_password_stops_the_sign_in(live_server, homes):
    make_member("fp_bench", password=PASSWORD)
    with pytest.raises(load.SignInFailed):
        load.sign_in(live_server.url, "fp_bench", "not the password", KEY)
