"""3.3: two approvers completing the last two quorums at the same moment produce one
completed workflow and one public page.

Approvals are counted under a row lock on the task state (SELECT ... FOR UPDATE). SQLite
has no row locks (and its test database is not shared across threads), so this test runs
on PostgreSQL, which CI uses; `test_release` proves the single release on every database.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction
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


def race_edit_against_last_approval(page_pk: int, task_state_pk: int, editor, reviewer) -> list:
    """The last approval holds its lock, uncommitted, while the editor saves a new version."""
    approval_recorded = threading.Event()
    errors = []

    def last_approval():
        try:
            with transaction.atomic():
                state = TaskState.objects.get(pk=task_state_pk).specific
                approve_by_model(state, reviewer, **PRECAUTION)
                approval_recorded.set()
                time.sleep(0.5)  # the editor saves now, while this is uncommitted
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            approval_recorded.set()
            connections.close_all()

    def edit():
        try:
            approval_recorded.wait(timeout=10)
            draft = Page.objects.get(pk=page_pk).specific.get_latest_revision_as_object()
            draft.intro = "Changed while the approval was recorded"
            draft.save_revision(user=editor)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=last_approval), threading.Thread(target=edit)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_an_edit_racing_the_last_approval_leaves_the_approved_revision_on_record(
    drafts, dmr_editor, approver, dmr_reviewer
):
    """The task, its release and the live page keep the revision both parties approved;
    the edit is a later draft (before the lock, 6 rounds in 7 recorded the edit)."""
    for round_number in range(3):
        page = create_draft(drafts, dmr_editor, title=f"Race {round_number}")
        task_state = drafts.get_workflow().start(page, dmr_editor).current_task_state
        approve_by_model(TaskState.objects.get(pk=task_state.pk).specific, approver)
        approved_revision_id = Page.objects.get(pk=page.pk).latest_revision_id

        errors = race_edit_against_last_approval(page.pk, task_state.pk, dmr_editor, dmr_reviewer)

        assert errors == []
        state = TaskState.objects.get(pk=task_state.pk)
        assert state.status == TaskState.STATUS_APPROVED
        assert state.revision_id == approved_revision_id
        assert PublicRelease.objects.get(page_id=page.pk).revision_id == approved_revision_id
        live = Page.objects.get(pk=page.pk)
        assert live.live_revision_id == approved_revision_id
        assert live.latest_revision_id != approved_revision_id  # the edit is a later draft
