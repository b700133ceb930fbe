"""Scale-out without containers: two gunicorn instances on two ports and one worker, as
separate processes sharing PostgreSQL, Redis and the upload folder (compose.yaml runs
the same thing in containers). Needs PostgreSQL (DATABASE_URL) and Redis; CI has both
and sets NFP_REQUIRE_SERVICES=1, which turns a missing one into a failure."""

import re
import time

import pytest
import requests
from django_otp.oath import totp
from django_tasks_db.models import DBTaskResult

from home.site_setup import ensure_home_pages
from network_pages import roles
from network_pages.community.models.notification_preference import (
    Delivery,
    Kind,
    NotificationPreference,
)
from network_pages.community.notifications.following import follow
from network_pages.community.site_setup import ensure_community_pages
from network_pages.factories import add_totp_device, make_member
from network_pages.network_area import ensure_network_area
from nfp_site.operations.models import OutboundEmail
from tests.conftest import PASSWORD
from tests.smtp_support import SmtpSink, free_port

from .processes import (
    WebInstance,
    environment,
    services_missing,
    services_required,
    start_worker,
    wait_for,
)

# Committed data, which the other processes read; the data migrations' rows come back
# after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def services():
    reason = services_missing()
    if reason:
        if services_required():
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture
def smtp():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def site(services, smtp, tmp_path):
    """Two web instances and a worker; the network's working methods page, a Focal Point
    who signs in and a colleague who follows the page."""
    homes = ensure_home_pages()
    community = ensure_community_pages(ensure_network_area(homes["en"]))
    page = community["working_methods"]
    member = make_member("fp_fr", groups=(roles.FOCAL_POINTS,), state="FR", password=PASSWORD)
    device = add_totp_device(member)
    colleague = make_member("fp_de", groups=(roles.FOCAL_POINTS,), state="DE")
    follow(colleague, page)
    NotificationPreference.objects.create(
        user=colleague, kind=Kind.COMMENT, delivery=Delivery.IMMEDIATE
    )

    env = environment(media=tmp_path / "media", smtp_port=smtp.port)
    first = WebInstance(env, tmp_path / "web-a.log")
    second = WebInstance(env, tmp_path / "web-b.log")
    worker = start_worker(env, tmp_path / "worker.log")
    processes = [first, second, worker]
    try:
        first.wait_until_serving()
        second.wait_until_serving()
        yield {"web": (first, second), "worker": worker, "page": page, "device": device}
    finally:
        for process in processes:
            process.stop()


def form_post(session: requests.Session, url: str, data: dict, *, referer_form: str):
    """Post a form the way a browser does: with the CSRF token of the page showing it."""
    shown = session.get(referer_form, timeout=20)
    token = CSRF.search(shown.text).group(1)
    return session.post(
        url,
        data={**data, "csrfmiddlewaretoken": token},
        headers={"Referer": referer_form},
        timeout=20,
        allow_redirects=False,
    )


def code_of(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def sign_in(session: requests.Session, first: WebInstance, second: WebInstance, device):
    """The password on one instance, the code on the other."""
    signed_in = form_post(
        session,
        f"{first.url}/en/accounts/login/",
        {"username": "fp_fr", "password": PASSWORD},
        referer_form=f"{first.url}/en/accounts/login/",
    )
    assert signed_in.status_code == 302, signed_in.text[:500]
    verified = form_post(
        session,
        f"{second.url}/en/accounts/verify/",
        {"totp-code": code_of(device)},
        referer_form=f"{second.url}/en/accounts/verify/",
    )
    assert verified.status_code == 302, verified.text[:500]


def test_signed_in_on_one_instance_a_member_continues_on_the_other(site, smtp):
    first, second = site["web"]
    session = requests.Session()
    sign_in(session, first, second, site["device"])

    for instance in (first, second):
        page = session.get(f"{instance.url}{site['page'].url}", timeout=20)
        assert page.status_code == 200
        assert site["page"].title in page.text

    # A comment posted on the second instance: its notification task and email task are
    # run by the worker, once each.
    page_url = f"{second.url}{site['page'].url}"
    posted = form_post(
        session, f"{page_url}comments/", {"body": "A comment from Paris"}, referer_form=page_url
    )
    assert posted.status_code == 302, posted.text[:500]
    wait_for(
        lambda: smtp.recipients,
        timeout=60,
        message=f"{list(DBTaskResult.objects.values_list('task_path', 'status'))}\n"
        f"{site['worker'].output()[-3000:]}",
    )
    time.sleep(3)  # time for a second delivery, if anything were to send it twice
    assert smtp.recipients == ["fp_de@example.org"]
    (email,) = OutboundEmail.objects.all()
    assert email.status == OutboundEmail.Status.SENT
    (dispatch,) = DBTaskResult.objects.filter(task_path__endswith="dispatch_notifications")
    assert dispatch.status == "SUCCESSFUL"
    assert len(dispatch.worker_ids) == 1


def test_password_attempts_are_counted_across_instances(site):
    first, second = site["web"]
    session = requests.Session()
    for attempt in range(5):
        instance = (first, second)[attempt % 2]
        refused = form_post(
            session,
            f"{instance.url}/en/accounts/login/",
            {"username": "fp_fr", "password": "wrong password"},
            referer_form=f"{instance.url}/en/accounts/login/",
        )
        assert refused.status_code != 302

    blocked = form_post(
        session,
        f"{second.url}/en/accounts/login/",
        {"username": "fp_fr", "password": PASSWORD},
        referer_form=f"{second.url}/en/accounts/login/",
    )
    assert blocked.status_code == 429
    assert "Too many unsuccessful sign-in attempts" in blocked.text


def test_redis_down_the_public_site_serves_and_health_says_so(services, smtp, tmp_path):
    homes = ensure_home_pages()
    make_member("fp_fr", groups=(roles.FOCAL_POINTS,), state="FR", password=PASSWORD)
    env = environment(
        media=tmp_path / "media",
        smtp_port=smtp.port,
        redis_url=f"redis://127.0.0.1:{free_port()}/0",
    )
    web = WebInstance(env, tmp_path / "web.log")
    try:
        web.wait_until_serving()
        for url in ("/en/", "/fr/", homes["en"].url, "/en/accounts/login/"):
            assert requests.get(f"{web.url}{url}", timeout=20).status_code == 200, url
        health = requests.get(f"{web.url}/healthz", timeout=20)
        assert health.status_code == 503
        assert health.json()["checks"]["cache"]["status"] == "degraded"
        assert "cache" in health.json()["failing"]
        # Signing in works: the session is kept in the database.
        session = requests.Session()
        login = f"{web.url}/en/accounts/login/"
        signed_in = form_post(
            session, login, {"username": "fp_fr", "password": PASSWORD}, referer_form=login
        )
        assert signed_in.status_code == 302, signed_in.text[:500]
        assert session.get(f"{web.url}{signed_in.headers['Location']}", timeout=20).ok
        assert "Traceback" not in web.output()  # degraded is not an error per request
    finally:
        web.stop()
