"""The response rules as plain functions: Paris deadlines, reopening, statuses."""

from datetime import UTC, date, datetime
from types import SimpleNamespace
from unittest import mock

import pytest

from network_pages.information import rules
from network_pages.information.rules import Lock, StateStatus, lock_of, state_status

DEADLINE = date(2027, 6, 10)


def request_page(status="open"):
    return SimpleNamespace(status=status, deadline=DEADLINE)


def response(*, submitted=False, reopened_until=None):
    return SimpleNamespace(is_submitted=submitted, reopened_until=reopened_until)


@pytest.mark.parametrize(
    ("utc_time", "paris_date"),
    [
        (datetime(2027, 6, 10, 21, 59, tzinfo=UTC), date(2027, 6, 10)),  # 23:59 in Paris
        (datetime(2027, 6, 10, 22, 1, tzinfo=UTC), date(2027, 6, 11)),  # 00:01 in Paris
    ],
)
def test_deadline_days_end_at_midnight_in_paris(utc_time, paris_date):
    with mock.patch("django.utils.timezone.now", return_value=utc_time):
        assert rules.today() == paris_date


def test_response_is_editable_on_the_deadline_day_and_locked_the_day_after():
    assert lock_of(request_page(), None, on=DEADLINE) is None
    assert lock_of(request_page(), None, on=date(2027, 6, 11)) is Lock.DEADLINE


def test_reopened_response_is_editable_until_the_end_of_the_new_date():
    reopened = response(reopened_until=date(2027, 6, 15))

    assert lock_of(request_page(), reopened, on=date(2027, 6, 15)) is None
    assert lock_of(request_page(), reopened, on=date(2027, 6, 16)) is Lock.DEADLINE


def test_closed_request_is_locked_whatever_the_dates():
    reopened = response(reopened_until=date(2027, 6, 15))

    assert lock_of(request_page("closed"), reopened, on=date(2027, 6, 1)) is Lock.CLOSED


@pytest.mark.parametrize(
    ("the_response", "informative", "expected"),
    [
        (None, None, StateStatus.NOT_STARTED),
        (response(), 3, StateStatus.DRAFT),
        (response(submitted=True), 2, StateStatus.SUBMITTED),
        (response(submitted=True), 0, StateStatus.NO_INFORMATION),
    ],
)
def test_state_status_in_the_overview(the_response, informative, expected):
    assert state_status(the_response, informative) is expected
