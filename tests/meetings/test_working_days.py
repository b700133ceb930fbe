"""4.1: the working-day calendar and the 30-working-day convocation deadline."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from network_pages.meetings.convocation import timing_for
from network_pages.meetings.working_days import (
    CONVOCATION_NOTICE_WORKING_DAYS,
    convocation_deadline,
    is_working_day,
    subtract_working_days,
    working_days_after,
)

MONDAY_2_MARCH_2026 = date(2026, 3, 2)
PARIS = ZoneInfo("Europe/Paris")


def test_weekends_are_not_working_days():
    assert is_working_day(date(2026, 2, 27))  # Friday
    assert not is_working_day(date(2026, 2, 28))  # Saturday
    assert not is_working_day(date(2026, 3, 1))  # Sunday


def test_a_holiday_is_not_a_working_day():
    assert not is_working_day(date(2026, 5, 1), {date(2026, 5, 1)})


def test_the_day_itself_is_not_counted():
    assert subtract_working_days(MONDAY_2_MARCH_2026, 0) == MONDAY_2_MARCH_2026
    assert subtract_working_days(date(2026, 3, 4), 1) == date(2026, 3, 3)


def test_counting_back_skips_the_weekend_across_a_month_boundary():
    assert subtract_working_days(MONDAY_2_MARCH_2026, 1) == date(2026, 2, 27)
    assert subtract_working_days(MONDAY_2_MARCH_2026, 5) == date(2026, 2, 23)


def test_counting_back_skips_holidays():
    holidays = {date(2026, 2, 27)}

    assert subtract_working_days(MONDAY_2_MARCH_2026, 1, holidays) == date(2026, 2, 26)


def test_negative_counts_are_refused():
    with pytest.raises(ValueError, match="negative"):
        subtract_working_days(MONDAY_2_MARCH_2026, -1)


def test_convocation_deadline_is_30_working_days_before_the_opening_day():
    # Six full weeks back: the Monday six weeks earlier.
    assert convocation_deadline(MONDAY_2_MARCH_2026) == date(2026, 1, 19)


def test_a_weekday_holiday_moves_the_deadline_one_working_day_earlier():
    holidays = {date(2026, 2, 13)}  # a Friday

    assert convocation_deadline(MONDAY_2_MARCH_2026, holidays) == date(2026, 1, 16)


def test_a_holiday_on_a_weekend_does_not_move_the_deadline():
    holidays = {date(2026, 2, 14), date(2026, 2, 15)}  # Saturday and Sunday

    assert convocation_deadline(MONDAY_2_MARCH_2026, holidays) == date(2026, 1, 19)


def test_deadline_across_the_year_boundary_with_christmas_and_new_year():
    opening = date(2026, 1, 15)  # a Thursday
    holidays = {date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)}

    assert convocation_deadline(opening) == date(2025, 12, 4)
    assert convocation_deadline(opening, holidays) == date(2025, 12, 1)


def test_working_days_after_counts_the_end_but_not_the_start():
    assert working_days_after(date(2026, 2, 27), MONDAY_2_MARCH_2026) == 1
    assert working_days_after(MONDAY_2_MARCH_2026, MONDAY_2_MARCH_2026) == 0
    assert working_days_after(MONDAY_2_MARCH_2026, date(2026, 2, 27)) == 0
    assert working_days_after(date(2026, 1, 16), date(2026, 1, 19), {date(2026, 1, 19)}) == 0


def plenary_opening(day: date) -> SimpleNamespace:
    return SimpleNamespace(opening=datetime(day.year, day.month, day.day, 9, 30, tzinfo=PARIS))


def test_opening_day_is_taken_in_paris_time():
    # 23:30 UTC on Sunday 1 March is already Monday 2 March in Paris.
    meeting = SimpleNamespace(opening=datetime(2026, 3, 1, 23, 30, tzinfo=ZoneInfo("UTC")))

    timing = timing_for(meeting, on=date(2026, 1, 5), holidays=frozenset())

    assert timing.opening_day == MONDAY_2_MARCH_2026
    assert timing.deadline == date(2026, 1, 19)


@pytest.mark.parametrize(
    ("today", "left", "overdue", "text"),
    [
        (date(2026, 1, 12), 5, False, "Convocation due in 5 working days"),
        (date(2026, 1, 17), 1, False, "Convocation due in 1 working day"),  # a Saturday
        (date(2026, 1, 19), 0, False, "Convocation due today"),
        (date(2026, 1, 20), 0, True, "Convocation overdue"),
    ],
)
def test_convocation_is_due_in_n_working_days_then_overdue(today, left, overdue, text):
    timing = timing_for(plenary_opening(MONDAY_2_MARCH_2026), on=today, holidays=frozenset())

    assert timing.working_days_left == left
    assert timing.is_overdue is overdue
    assert timing.describe().startswith(text)


def test_a_deadline_kept_for_the_process_is_the_one_counted_back():
    """`convocation_deadline` keeps its answers per opening day and holidays: the same as
    counting back, for every day of a year, with and without holidays, however given."""
    holidays = frozenset({date(2026, 1, 1), date(2026, 4, 6), date(2026, 5, 1), date(2026, 12, 25)})
    for offset in range(366):
        opening = date(2026, 1, 1) + timedelta(days=offset)
        for given in (frozenset(), holidays, tuple(sorted(holidays)), set(holidays), ()):
            counted = subtract_working_days(opening, CONVOCATION_NOTICE_WORKING_DAYS, given)
            assert convocation_deadline(opening, given) == counted
            assert convocation_deadline(opening, given) == counted  # kept, asked again
