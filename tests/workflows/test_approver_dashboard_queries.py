"""Issue 17: a network approver's dashboard costs the same whether one draft or six wait for
their review (Wagtail's "Awaiting your review", workflows/dashboard.py), and still offers,
for each, the editor, the review and the task's progress."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import sign_in
from tests.workflows.conftest import create_draft

pytestmark = pytest.mark.django_db

ADMIN_BUDGET = 25


def _waiting(drafts, author, capture, numbers):
    workflow = drafts.get_workflow()
    pages = []
    for number in numbers:
        page = create_draft(drafts, author, title=f"Waiting draft {number}")
        with capture(execute=True):
            workflow.start(page, author)
        pages.append(page)
    return pages


def _dashboard(client) -> tuple[int, str]:
    client.get("/admin/")  # what production keeps warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_an_approvers_dashboard_costs_the_same_for_one_or_six_drafts_waiting(
    client, drafts, dmr_editor, approver, django_capture_on_commit_callbacks
):
    pages = _waiting(drafts, dmr_editor, django_capture_on_commit_callbacks, range(1))
    sign_in(client, approver)
    one, _body = _dashboard(client)

    pages += _waiting(drafts, dmr_editor, django_capture_on_commit_callbacks, range(1, 6))
    six, body = _dashboard(client)

    assert six == one
    assert six <= ADMIN_BUDGET
    assert body.count(': In progress"') == 6  # each draft's task, with its status


def test_every_draft_waiting_is_listed_with_its_editor_and_its_review(
    client, drafts, dmr_editor, approver, django_capture_on_commit_callbacks
):
    pages = _waiting(drafts, dmr_editor, django_capture_on_commit_callbacks, range(3))

    _queries, body = _dashboard(sign_in(client, approver))

    for page in pages:
        task_state = page.current_workflow_task_state
        assert f'href="/admin/pages/{page.pk}/edit/"' in body
        assert f"/admin/pages/workflow/action/{page.pk}/review/{task_state.pk}/" in body


def test_the_dmrs_dashboard_costs_the_same_for_one_or_six_drafts_waiting(
    client, drafts, dmr_editor, dmr_reviewer, django_capture_on_commit_callbacks
):
    # The DMR is a party too: its "Awaiting your review" and its "Joint approvals in
    # progress" list the same drafts (its budget: tests/security/test_query_budgets.py).
    _waiting(drafts, dmr_editor, django_capture_on_commit_callbacks, range(1))
    sign_in(client, dmr_reviewer)
    one, _body = _dashboard(client)

    _waiting(drafts, dmr_editor, django_capture_on_commit_callbacks, range(1, 6))
    six, body = _dashboard(client)

    assert six == one
    assert all(f"Waiting draft {number}" in body for number in range(6))
