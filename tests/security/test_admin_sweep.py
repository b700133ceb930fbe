"""The admin is one access class: every one of its patterns, with the ids of real restricted
objects, refuses every role but the DMR and leaks no marker. A network approver, who has the
admin to review, is refused all of it but their own screens and the draft they review
(issue 13)."""

import pytest

# The test database must exist for the module's sweep (conftest.py).
pytestmark = pytest.mark.django_db


def test_every_admin_pattern_refuses_every_visitor_without_admin_access(findings):
    assert not findings.admin, f"{len(findings.admin)} problem(s):\n" + "\n".join(findings.admin)


def test_the_dmr_reaches_the_restricted_page_the_admin_sweep_asks_for(findings):
    # Proof that the sweep's ids are real objects, so its refusals are worth something.
    assert not findings.admin_reached_by_dmr, findings.admin_reached_by_dmr


def test_a_network_approver_is_refused_every_admin_door_but_their_review(findings):
    assert not findings.admin_as_approver, (
        f"{len(findings.admin_as_approver)} problem(s):\n" + "\n".join(findings.admin_as_approver)
    )


def test_a_network_approver_reviews_the_draft_in_their_task(findings):
    # Proof that the approver's refusals come from one rule, not from a closed admin.
    assert not findings.reviewed_by_approver, findings.reviewed_by_approver
