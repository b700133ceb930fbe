"""The working-day calendar behind the convocation rule (working methods 4.1).

4.1: "The convocation shall be sent to the Focal Points, together with a draft agenda, at
least 30 working days before the opening day of the plenary meeting."

Definitions used throughout (plain functions, no database; the holidays are passed in):

* A *working day* is a Monday to Friday that is not a holiday kept by the DMR. A holiday
  that falls on a Saturday or a Sunday changes nothing: the day was not worked anyway.
* "N working days before" a day counts back from the day before it: the day itself is never
  counted. The 1st working day before Monday 2 March is Friday 27 February.
* The *convocation deadline* of a meeting is the 30th working day before its opening day
  (in Europe/Paris). A convocation sent on the deadline or earlier is on time: counting the
  day it is sent, at least 30 working days pass before the opening day. Sent on any later
  day (a weekend after the deadline included), it is late.
"""

from collections.abc import Collection
from datetime import date, timedelta
from functools import lru_cache

CONVOCATION_NOTICE_WORKING_DAYS = 30

SATURDAY = 5
ONE_DAY = timedelta(days=1)


def is_working_day(day: date, holidays: Collection[date] = ()) -> bool:
    """Monday to Friday, and not a holiday."""
    return day.weekday() < SATURDAY and day not in holidays


def subtract_working_days(day: date, count: int, holidays: Collection[date] = ()) -> date:
    """The `count`-th working day before `day` (`day` itself is not counted).

    `count` 0 gives `day` back unchanged.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    current = day
    remaining = count
    while remaining:
        current -= ONE_DAY
        if is_working_day(current, holidays):
            remaining -= 1
    return current


def working_days_after(start: date, end: date, holidays: Collection[date] = ()) -> int:
    """How many working days fall after `start`, up to and including `end` (0 if none)."""
    count = 0
    current = start + ONE_DAY
    while current <= end:
        if is_working_day(current, holidays):
            count += 1
        current += ONE_DAY
    return count


def convocation_deadline(opening_day: date, holidays: Collection[date] = ()) -> date:
    """4.1: the last day on which the convocation of a meeting opening on `opening_day` is on
    time, that is the 30th working day before the opening day.

    Worked out once per process for each opening day and set of holidays given as a
    frozenset or a tuple (the DMR's network home weighs every upcoming meeting: ~40 days
    counted back for each, at every request; issue 17): the answer depends on nothing else."""
    if type(holidays) in (frozenset, tuple) and type(opening_day) is date:
        return _kept_deadline(opening_day, holidays)
    return subtract_working_days(opening_day, CONVOCATION_NOTICE_WORKING_DAYS, holidays)


@lru_cache(maxsize=4096)
def _kept_deadline(opening_day: date, holidays: frozenset[date] | tuple[date, ...]) -> date:
    return subtract_working_days(opening_day, CONVOCATION_NOTICE_WORKING_DAYS, holidays)


def holiday_window(opening_day: date) -> tuple[date, date]:
    """The days whose holidays can matter to a meeting's deadline.

    30 working days span at most six weeks of weekends plus every holiday in them; a year is
    far more than enough and still a tiny query.
    """
    return opening_day - timedelta(days=366), opening_day
