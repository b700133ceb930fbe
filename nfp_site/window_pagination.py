"""`Paginator(queryset, per_page).get_page(number)` in one query instead of two.

Django's paginator counts the rows (one query), then reads the page (another). Here the
page's rows carry the total as a window count taken before the LIMIT, so an existing page
costs one query; only a page past the end (or below the first) costs the paginator's own
two queries more, to land on the last page as `get_page` does (issue 17)."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window

TOTAL = "nfp_total_rows"


def asked_page_number(number) -> int | None:
    """The page number as `Paginator.validate_number` reads it: not a number is the first
    page; None for a number `get_page` would answer with the last page."""
    try:
        if isinstance(number, float) and not number.is_integer():
            raise ValueError
        wanted = int(number)
    except (TypeError, ValueError):
        return 1
    return wanted if wanted >= 1 else None


def page_of(queryset: QuerySet, per_page: int, number) -> Page:
    """The page `number` of `queryset` (ordered: models, or named rows of
    `values_list(..., named=True)`), as `Paginator.get_page` answers it."""
    wanted = asked_page_number(number)
    if wanted is not None:
        start = (wanted - 1) * per_page
        counted = queryset.annotate(**{TOTAL: Window(Count("pk"))})
        if queryset._fields:
            # Rows read as values: an annotation is one of their columns only if named.
            counted = counted.values_list(*queryset._fields, TOTAL, named=True)
        rows = list(counted[start : start + per_page])
        if rows or wanted == 1:
            paginator = Paginator(queryset, per_page)
            paginator.count = getattr(rows[0], TOTAL) if rows else 0
            return Page(rows, wanted, paginator)
    return Paginator(queryset, per_page).get_page(number)
