"""3.1: the joint approval's admin surfaces give nothing to whoever may not see the drafts.

Review page, preview, withdrawal form and the report of pages waiting for translation, as
an anonymous visitor, a password-only session, a verified Focal Point (no admin) and a
verified admin user who is in no party (nor the DMR).
"""

import pytest
from django.contrib.auth.models import Group, Permission

from network_pages.factories import make_member
from tests.conftest import PASSWORD, sign_in
from tests.workflows.conftest import DRAFT_MARKER, create_draft, review_url

pytestmark = pytest.mark.django_db

PUBLIC_MARKER = "MARKER-released-title-0b7e"


@pytest.fixture
def surfaces(drafts, publish, dmr_editor, django_capture_on_commit_callbacks):
    released = publish(title=f"Released {PUBLIC_MARKER}")
    page = create_draft(drafts, dmr_editor, title=f"Draft {DRAFT_MARKER}")
    with django_capture_on_commit_callbacks(execute=True):
        task_state = drafts.get_workflow().start(page, dmr_editor).current_task_state
    return {
        "review": (review_url(task_state), DRAFT_MARKER),
        "preview": (f"{review_url(task_state)}preview/", DRAFT_MARKER),
        "withdraw": (f"/admin/joint-approval/withdraw/{released.pk}/", PUBLIC_MARKER),
        "report": ("/admin/joint-approval/waiting-for-translation/", PUBLIC_MARKER),
    }


@pytest.fixture
def admin_outsider(db):
    """Verified, with access to the admin but no page permission, in no party."""
    group = Group.objects.create(name="Admin readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = make_member("reader", groups=(), state=None, password=PASSWORD, function="guest")
    user.groups.add(group)
    return user


def body_and_headers(response) -> str:
    return response.content.decode() + " ".join(response.headers.values())


@pytest.mark.parametrize(
    ("kind", "location"),
    [
        ("anonymous", "/accounts/login/"),
        ("password-only", "/accounts/verify/"),
        ("verified Focal Point", "/accounts/login/"),
        ("verified admin user in no party", "/admin/"),
    ],
)
def test_joint_approval_admin_surfaces_refuse_who_may_not_see_the_drafts(
    client, surfaces, focal_point, admin_outsider, kind, location
):
    if kind == "password-only":
        sign_in(client, focal_point, verified=False)
    elif kind == "verified Focal Point":
        sign_in(client, focal_point)
    elif kind == "verified admin user in no party":
        sign_in(client, admin_outsider)

    for name, (url, marker) in surfaces.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert location in response["Location"], name
        assert marker not in body_and_headers(response), name
        assert "no-store" in response["Cache-Control"], name


def test_a_network_approver_reviews_but_neither_withdraws_nor_reads_the_report(
    client, surfaces, approver
):
    sign_in(client, approver)

    assert client.get(surfaces["review"][0]).status_code == 200
    assert client.get(surfaces["preview"][0]).status_code == 200
    for name in ("withdraw", "report"):
        url, marker = surfaces[name]
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), name
        assert marker not in body_and_headers(response)
