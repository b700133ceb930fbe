"""The joint approval in Wagtail's admin: configuring parties, the dashboard, the editor."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from network_pages import roles
from network_pages.factories import make_member
from tests.conftest import PASSWORD, sign_in
from tests.workflows.conftest import create_draft, review_url
from workflows.models import JointApprovalTask

pytestmark = pytest.mark.django_db

ADD_TASK = "/admin/workflows/tasks/add/workflows/jointapprovaltask/"


@pytest.fixture
def superuser(db):
    user = make_member("admin", groups=(), state=None, password=PASSWORD, function="guest")
    get_user_model().objects.filter(pk=user.pk).update(is_superuser=True, is_staff=True)
    user.refresh_from_db()
    return user


def party_rows(*rows) -> dict:
    data = {"parties-count": str(len(rows) + 1)}
    for index, (group, quorum, review) in enumerate(rows):
        data[f"parties-{index}-group"] = str(group.pk)
        data[f"parties-{index}-quorum"] = str(quorum)
        if review:
            data[f"parties-{index}-precaution_review"] = "on"
    return data


def test_parties_are_configured_in_the_task_form_with_a_quorum_each(client, db, superuser):
    network = Group.objects.get(name=roles.NETWORK_APPROVERS)
    dmr = Group.objects.get(name=roles.DMR_SECRETARIAT)
    client = sign_in(client, superuser)
    form = client.get(ADD_TASK).content.decode()

    response = client.post(
        ADD_TASK, {"name": "Two parties", **party_rows((network, 2, False), (dmr, 1, True))}
    )

    assert 'name="parties-0-quorum"' in form and "Completes the precaution review" in form
    assert response.status_code == 302
    task = JointApprovalTask.objects.get(name="Two parties")
    assert [(p.group_id, p.quorum, p.precaution_review) for p in task.get_parties()] == [
        (network.pk, 2, False),
        (dmr.pk, 1, True),
    ]
    assert set(task.groups.all()) == {network, dmr}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ((), "This field is required."),
        ((("network", 0),), "A quorum is at least 1."),
        ((("network", 1), ("network", 2)), "A group can be only one party."),
    ],
)
def test_the_task_form_refuses_unusable_parties(client, db, superuser, rows, message):
    network = Group.objects.get(name=roles.NETWORK_APPROVERS)
    data = party_rows(*((network, quorum, False) for _name, quorum in rows))

    response = sign_in(client, superuser).post(ADD_TASK, {"name": "Broken", **data})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not JointApprovalTask.objects.filter(name="Broken").exists()


def test_the_dashboard_lists_the_draft_for_an_approver_with_review_and_approve(
    client, drafts, dmr_editor, approver, django_capture_on_commit_callbacks
):
    page = create_draft(drafts, dmr_editor)
    task_state = drafts.get_workflow().start(page, dmr_editor).current_task_state

    html = sign_in(client, approver).get("/admin/").content.decode()

    assert "Awaiting your review" in html
    assert f"/admin/pages/workflow/action/{page.pk}/review/{task_state.pk}/" in html
    assert "Review and approve" in html


def test_the_editor_leads_reviewers_to_the_review_page_and_keeps_approvers_read_only(
    client, drafts, dmr_editor, dmr_reviewer, approver
):
    page = create_draft(drafts, dmr_editor)
    task_state = drafts.get_workflow().start(page, dmr_editor).current_task_state

    reviewer_html = sign_in(client, dmr_reviewer).get(f"/admin/pages/{page.pk}/edit/")
    approver_page = sign_in(client, approver).get(f"/admin/pages/{page.pk}/edit/")

    assert f'href="{review_url(task_state)}"' in reviewer_html.content.decode()
    assert 'name="workflow-action-name"' not in reviewer_html.content.decode()
    assert approver_page.status_code == 200
    assert approver_page.context["locked_for_user"] is True
    assert f'href="{review_url(task_state)}"' in approver_page.content.decode()
