"""The admin is one access class: every one of its patterns, with the ids of real restricted
objects, refuses every role but the DMR and leaks no marker."""

import pytest

# The test database must exist for the module's sweep (conftest.py).
pytestmark = pytest.mark.django_db


def test_every_admin_pattern_refuses_every_visitor_without_admin_access(findings):
    assert not findings.admin, f"{len(findings.admin)} problem(s):\n" + "\n".join(findings.admin)


def test_the_dmr_reaches_the_restricted_page_the_admin_sweep_asks_for(findings):
    # Proof that the sweep's ids are real objects, so its refusals are worth something.
    assert not findings.admin_reached_by_dmr, findings.admin_reached_by_dmr
