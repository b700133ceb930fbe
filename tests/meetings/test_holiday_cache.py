"""The holidays the DMR's network home weighs (its overdue convocations, 4.1) are kept in the
cache: the deadlines it shows still count every holiday as it is now."""

import pytest

from network_pages.meetings import convocation
from network_pages.meetings.dashboard import upcoming_meetings
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import Holiday

pytestmark = pytest.mark.django_db


def deadline_shown(meeting):
    [upcoming] = [u for u in upcoming_meetings() if u.page.pk == meeting.pk]
    return upcoming.timing.deadline


def test_a_holiday_added_after_the_holidays_were_kept_moves_the_deadline_shown(meetings_index):
    meeting = make_meeting(meetings_index, opening=days_from_today(90), slug="later")
    before = deadline_shown(meeting)

    Holiday.objects.create(date=before, name="Office closed")

    assert deadline_shown(meeting) < before
    assert deadline_shown(meeting) == convocation.timing_for(meeting).deadline


def test_a_holiday_deleted_after_the_holidays_were_kept_no_longer_counts(meetings_index):
    meeting = make_meeting(meetings_index, opening=days_from_today(90), slug="later")
    without = deadline_shown(meeting)
    holiday = Holiday.objects.create(date=without, name="Office closed")
    assert deadline_shown(meeting) < without

    holiday.delete()

    assert deadline_shown(meeting) == without


def test_the_upcoming_meetings_read_no_holiday_while_none_changed(
    meetings_index, django_assert_num_queries
):
    make_meeting(meetings_index, opening=days_from_today(90), slug="later")
    upcoming_meetings()

    with django_assert_num_queries(1):  # the meetings alone
        upcoming_meetings()
