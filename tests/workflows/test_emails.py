"""3.3: who is told what, when: title and link only, in the reader's language, and only to
people who may see the draft."""

import pytest
from django.core import mail

from network_pages import roles
from network_pages.factories import make_member
from tests.conftest import PASSWORD, sign_in
from tests.workflows.conftest import (
    DRAFT_MARKER,
    PRECAUTION,
    approve_by_model,
    create_draft,
    review_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def submit_draft(drafts, dmr_editor, django_capture_on_commit_callbacks):
    def _submit():
        page = create_draft(drafts, dmr_editor)
        with django_capture_on_commit_callbacks(execute=True):
            workflow_state = drafts.get_workflow().start(page, dmr_editor)
        return page, workflow_state.current_task_state

    return _submit


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_submission_tells_each_party_member_who_may_act_and_not_the_author(
    submit_draft, dmr_editor, dmr_reviewer, approver, focal_point
):
    _page, task_state = submit_draft()

    assert recipients() == ["approver@example.org", "dmr_reviewer@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Joint approval needed: Reception of asylum seekers"
    assert f"http://testserver{review_url(task_state)}" in message.body


def test_emails_carry_the_title_and_a_link_only(submit_draft, approver, dmr_reviewer):
    submit_draft()

    for message in mail.outbox:
        assert DRAFT_MARKER not in message.body  # the summary stays in the network area
        assert message.body.count("http") == 1


def test_emails_are_written_in_the_recipients_language(submit_draft, dmr_reviewer):
    make_member(
        "approver_fr",
        groups=(roles.FOCAL_POINTS, roles.NETWORK_APPROVERS),
        state="FR",
        password=PASSWORD,
        preferred_language="fr",
    )

    submit_draft()

    french = next(m for m in mail.outbox if m.to == ["approver_fr@example.org"])
    english = next(m for m in mail.outbox if m.to == ["dmr_reviewer@example.org"])
    assert french.extra_headers["Content-Language"] == "fr"
    assert english.extra_headers["Content-Language"] == "en"


def test_party_members_who_may_not_see_the_draft_are_not_told(submit_draft, approver):
    inactive = make_member(
        "approver_gone", groups=(roles.NETWORK_APPROVERS,), state="ES", password=PASSWORD
    )
    inactive.is_active = False
    inactive.save()

    submit_draft()

    assert "approver_gone@example.org" not in recipients()


def test_nobody_is_told_again_when_one_party_approves(
    submit_draft, approver, dmr_reviewer, django_capture_on_commit_callbacks
):
    _page, task_state = submit_draft()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        approve_by_model(task_state, approver)

    assert mail.outbox == []


def test_the_author_is_told_once_when_the_page_is_public(
    submit_draft, approver, dmr_reviewer, django_capture_on_commit_callbacks
):
    page, task_state = submit_draft()
    approve_by_model(task_state, approver)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        approve_by_model(task_state, dmr_reviewer, **PRECAUTION)

    assert recipients() == ["dmr_editor@example.org"]
    assert mail.outbox[0].subject == "Now public: Reception of asylum seekers"
    assert "http://testserver/en/publications/reception-of-asylum-seekers/" in mail.outbox[0].body


def test_the_author_is_told_once_when_changes_are_requested_without_the_comment(
    client, submit_draft, approver, django_capture_on_commit_callbacks
):
    _page, task_state = submit_draft()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        sign_in(client, approver).post(
            review_url(task_state), {"action": "reject", "comment": "Confidential remark."}
        )

    assert recipients() == ["dmr_editor@example.org"]
    assert mail.outbox[0].subject == "Changes requested: Reception of asylum seekers"
    assert "Confidential remark." not in mail.outbox[0].body


def test_an_edit_after_approvals_tells_the_parties_again(
    submit_draft, approver, dmr_editor, dmr_reviewer, django_capture_on_commit_callbacks
):
    page, task_state = submit_draft()
    approve_by_model(task_state, approver)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=dmr_editor)

    assert recipients() == ["approver@example.org", "dmr_reviewer@example.org"]
