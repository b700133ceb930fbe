"""3.3: two approvers completing the last two quorums at the same moment produce one
completed workflow and one public page.

Approvals are counted under a row lock on the task state (SELECT ... FOR UPDATE). SQLite
has no row locks (and its test database is not shared across threads), so this test runs
on PostgreSQL, which CI uses; `test_release` proves the single release on every database.
"""

import threading

import pytest
from django.db import connection, connections
from wagtail.models import Page, TaskState, WorkflowState

from tests.workflows.conftest import PRECAUTION, approve_by_model, create_draft
from workflows.models import Approval, PublicRelease

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (CI runs it); SQLite has none",
    ),
]


def test_two_approvers_finishing_at_the_same_moment_publish_one_page(
    drafts, dmr_editor, approver, dmr_reviewer
):
    page = create_draft(drafts, dmr_editor)
    task_state = drafts.get_workflow().start(page, dmr_editor).current_task_state
    barrier = threading.Barrier(2)
    errors = []

    def approve_at_once(user, extra):
        try:
            barrier.wait(timeout=10)
            approve_by_model(TaskState.objects.get(pk=task_state.pk).specific, user, **extra)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=approve_at_once, args=(approver, {})),
        threading.Thread(target=approve_at_once, args=(dmr_reviewer, PRECAUTION)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert Approval.objects.count() == 2
    workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    assert PublicRelease.objects.count() == 1
    assert Page.objects.get(pk=page.pk).live
