from django.core.paginator import Page as PaginatorPage
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from network_pages.meetings.models.choices import MeetingKind
from nfp_site.page_counts import OncePerParent
from nfp_site.window_pagination import page_of

from .meeting_page import MeetingPage

MEETINGS_PER_PAGE = 20

# What a row of the lists shows (meeting_list.meeting_items), read as named rows: a page
# of 20 meetings made into pages (every column of two tables each) cost more than writing
# them (issue 17).
LISTED_COLUMNS = ("title", "slug", "kind", "opening", "closing", "venue", "status")


class MeetingIndexPage(OncePerParent, Page):
    """The network's meetings, upcoming and past, by kind and year (4.1, 4.3)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["network_pages.NetworkHomePage"]
    subpage_types = ["meetings.MeetingPage"]
    max_count_per_parent = 1
    template = "meetings/meeting_index_page.html"

    class Meta:
        verbose_name = _("meetings index")

    def meetings(self, *, kind: str = "", year: int | None = None):
        meetings = MeetingPage.objects.child_of(self).live()
        if kind:
            meetings = meetings.filter(kind=kind)
        if year:
            meetings = meetings.filter(opening__year=year)
        return meetings

    def years(self) -> list[int]:
        dates = MeetingPage.objects.child_of(self).live().dates("opening", "year", order="DESC")
        return [day.year for day in dates]

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        if kind not in MeetingKind.values:
            kind = ""
        years = self.years()
        try:
            year = int(request.GET.get("year", ""))
        except ValueError:
            year = None
        if year not in years:
            year = None
        now = timezone.now()
        meetings = self.meetings(kind=kind, year=year)
        rows = meetings.values_list(*LISTED_COLUMNS, named=True)
        upcoming = rows.filter(closing__gte=now).order_by("opening", "pk")
        past = rows.filter(closing__lt=now).order_by("-opening", "-pk")
        context.update(
            kinds=MeetingKind.choices,
            years=years,
            selected_kind=kind,
            selected_year=year,
            is_filtered=bool(kind or year),
            upcoming=self._paginate(upcoming, request.GET.get("upcoming")),
            past=self._paginate(past, request.GET.get("past")),
            # A meeting is a child of this index: its address is this one's and its slug
            # (Wagtail's URL of each, 40 per page, costs a URL reversal each).
            meetings_url=self.get_url(request),
        )
        return context

    @staticmethod
    def _paginate(queryset, number) -> PaginatorPage:
        return page_of(queryset, MEETINGS_PER_PAGE, number)
