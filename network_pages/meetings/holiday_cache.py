"""The holidays as the DMR's network home weighs them (its overdue convocations, 4.1): kept
in the shared cache, under a generation that every change of a holiday starts anew, instead
of read on every home. A few rows a year, and no secret: every reader gets the same."""

from datetime import date

from django.db.models.signals import post_delete, post_save

from network_pages.meetings.convocation import holiday_range
from network_pages.meetings.models import Holiday
from nfp_site.cache_generation import CacheGeneration

GENERATION = CacheGeneration("nfp:holidays:generation")
# Kept for a day at most: a generation lost with the cache's other keys is simply read again.
KEPT_SECONDS = 24 * 3600


def holidays_for(first: date, last: date) -> frozenset[date]:
    """`convocation.holidays_for(first, last)`, from the holidays kept."""
    start, end = holiday_range(first, last)
    return frozenset(day for day in every_holiday() if start <= day <= end)


def every_holiday() -> tuple[date, ...]:
    return GENERATION.kept("nfp:holidays", "every", _read_every_holiday, KEPT_SECONDS)


def _read_every_holiday() -> tuple[date, ...]:
    return tuple(Holiday.objects.order_by("date").values_list("date", flat=True))


def holidays_changed(sender, **kwargs) -> None:
    GENERATION.start_new()


def connect() -> None:
    post_save.connect(holidays_changed, sender=Holiday, dispatch_uid="nfp_holidays_saved")
    post_delete.connect(holidays_changed, sender=Holiday, dispatch_uid="nfp_holidays_deleted")
