"""Issue 13: a network approver's admin shows only what they review.

The approvers' group has the admin to review joint approvals (3.3), nothing else. Their
admin names only the pages in their tasks: the explorer, page search, choosers, the admin
API, reports, documents, images, snippets and confirmation screens refuse them (Wagtail's
own refusal: back to the dashboard). The draft they review stays fully reviewable, from
the dashboard and from the emailed link. The DMR keeps its whole admin.
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from wagtail.models import TaskState

from network_pages import roles
from network_pages.factories import make_member
from tests.conftest import PASSWORD, sign_in
from tests.workflows.conftest import DRAFT_MARKER, approve, create_draft, review_url
from workflows import approver_admin
from workflows.models import Approval

pytestmark = pytest.mark.django_db

OTHER = "QZAPPunsubmitteddraft"


@pytest.fixture
def in_review(drafts, dmr_editor, approver, django_capture_on_commit_callbacks):
    """A draft in the joint approval (the approver is told), and its task state."""
    page = create_draft(drafts, dmr_editor, title=f"Draft {DRAFT_MARKER}")
    with django_capture_on_commit_callbacks(execute=True):
        task_state = drafts.get_workflow().start(page, dmr_editor).current_task_state
    return page, task_state


@pytest.fixture
def not_in_review(drafts, dmr_editor):
    """A draft under Publication drafts that nobody submitted: not the approver's to read."""
    return create_draft(drafts, dmr_editor, title=f"Unsubmitted {OTHER}", intro=OTHER)


def refused_doors(page, other, drafts, network) -> list[str]:
    return [
        "/admin/pages/",
        f"/admin/pages/{network.pk}/",
        f"/admin/pages/{drafts.pk}/",
        "/admin/pages/search/?q=QZAPP",
        f"/admin/pages/{other.pk}/edit/",
        f"/admin/pages/{other.pk}/history/",
        f"/admin/pages/{other.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{other.pk}/move/{drafts.pk}/confirm/",
        f"/admin/bulk/wagtailcore/page/delete/?id={other.pk}",
        f"/admin/pages/{page.pk}/delete/",
        f"/admin/pages/workflow/confirm_cancellation/{page.pk}/",
        "/admin/choose-page/",
        f"/admin/choose-page/{drafts.pk}/",
        "/admin/choose-page/search/?q=QZAPP",
        "/admin/api/main/pages/",
        f"/admin/api/main/pages/?child_of={drafts.pk}",
        "/admin/api/main/documents/",
        "/admin/api/main/images/",
        "/admin/documents/",
        "/admin/documents/chooser/",
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/snippets/",
        "/admin/statistics/",
        "/admin/member-profiles/",
    ]


def test_only_a_user_with_nothing_but_the_admin_is_confined(
    drafts, approver, dmr_user, focal_point
):
    superuser = get_user_model().objects.create_superuser("steward", "s@example.org", PASSWORD)

    assert approver_admin.is_review_only(approver)
    assert not approver_admin.is_review_only(dmr_user)
    assert not approver_admin.is_review_only(superuser)
    assert not approver_admin.is_review_only(focal_point)  # no admin at all


def test_an_approver_reviews_the_pages_of_their_tasks_only(in_review, not_in_review, approver):
    page, _task_state = in_review

    assert approver_admin.reviewable_page_ids(approver) == {page.pk}


def test_every_other_door_of_the_admin_refuses_an_approver_and_names_nothing(
    client, in_review, not_in_review, drafts, network, approver
):
    page, _task_state = in_review
    sign_in(client, approver)

    answers = {}
    for url in refused_doors(page, not_in_review, drafts, network):
        response = client.get(url)
        body = response.content.decode(errors="replace")
        if (response.status_code, response.get("Location")) != (302, "/admin/") or OTHER in body:
            answers[url] = response.status_code

    assert answers == {}


def test_an_approver_is_refused_the_admin_api_as_a_script_asks_it(client, in_review, approver):
    response = sign_in(client, approver).get(
        "/admin/api/main/pages/", HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )

    assert response.status_code == 403


@pytest.mark.parametrize(
    "screen",
    [
        "{review}",
        "{review}preview/",
        "/admin/pages/{page}/edit/",
        "/admin/pages/{page}/view_draft/",
        "/admin/pages/{page}/workflow_history/",
        "/admin/pages/workflow/preview/{page}/{task}/",
    ],
)
def test_the_draft_in_their_task_stays_reviewable(client, in_review, approver, screen):
    page, task_state = in_review
    url = screen.format(review=review_url(task_state), page=page.pk, task=task_state.task_id)

    response = sign_in(client, approver).get(url)

    assert response.status_code == 200
    assert DRAFT_MARKER in response.content.decode()


def test_an_approver_approves_from_the_review_page(client, in_review, approver):
    _page, task_state = in_review

    response = approve(client, approver, task_state)

    assert response.status_code == 302
    assert Approval.objects.filter(task_state_id=task_state.pk, user=approver).exists()


def test_an_approver_requests_changes_with_a_comment(client, in_review, approver):
    _page, task_state = in_review

    sign_in(client, approver).post(
        review_url(task_state), {"action": "reject", "comment": "Shorten the summary."}
    )

    task_state.refresh_from_db()
    assert (task_state.status, task_state.comment) == (
        TaskState.STATUS_REJECTED,
        "Shorten the summary.",
    )


def test_the_emailed_link_opens_the_review(client, in_review, approver):
    message = next(m for m in mail.outbox if m.to == [approver.email])
    link = re.search(r"http://testserver(\S+)", message.body).group(1)

    response = sign_in(client, approver).get(link)

    assert response.status_code == 200
    assert DRAFT_MARKER in response.content.decode()


def sidebar_links(html: str) -> set[str]:
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    return set(re.findall(r'"url": "([^"]*)"', json.dumps(json.loads(props))))


def test_the_dashboard_lists_their_task_and_the_sidebar_leads_nowhere_else(
    client, in_review, not_in_review, approver
):
    response = sign_in(client, approver).get("/admin/")
    html = response.content.decode()

    assert DRAFT_MARKER in html
    assert OTHER not in html
    assert sidebar_links(html) <= {"/admin/", "/admin/account/"}


def test_an_admin_user_in_no_party_has_nothing_to_review(client, in_review, drafts):
    reader = make_member("reader", groups=(roles.FOCAL_POINTS,), state="PL", password=PASSWORD)
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    page, task_state = in_review
    sign_in(client, reader)

    assert client.get("/admin/").status_code == 200
    for url in (review_url(task_state), f"/admin/pages/{page.pk}/edit/"):
        response = client.get(url)
        assert (response.status_code, response.get("Location")) == (302, "/admin/"), url


def test_the_dmr_keeps_its_whole_admin(client, in_review, not_in_review, dmr_user):
    sign_in(client, dmr_user)

    assert OTHER in client.get("/admin/pages/search/?q=QZAPPunsubmitteddraft").content.decode()
    for url in ("/admin/pages/", "/admin/reports/site-history/", "/admin/api/main/pages/"):
        assert client.get(url).status_code == 200, url


def emailed_path(user, subject_start: str) -> str:
    message = next(
        m for m in mail.outbox if m.to == [user.email] and m.subject.startswith(subject_start)
    )
    return re.search(r"http://testserver(\S+)", message.body).group(1)


def test_the_link_of_a_cancellation_email_opens_for_the_approver(
    client, in_review, approver, dmr_editor, django_capture_on_commit_callbacks
):
    page, _task_state = in_review
    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_state.cancel(user=dmr_editor)

    response = sign_in(client, approver).get(emailed_path(approver, "Joint approval cancelled"))

    assert response.status_code == 200
    assert DRAFT_MARKER in response.content.decode()
