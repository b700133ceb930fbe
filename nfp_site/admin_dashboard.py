"""The admin dashboard's pages, read in a fixed few queries (issue 17).

Wagtail's "Your most recent edits" reads the user's five latest edits from the log, then
the pages edited, each of its own type (`specific()`: one query for their types, one per
page type), then their workflow states: four queries and more, one per type. This panel
shows the same rows from two: the pages edited with the date of their latest edit (the
same five, in the same order), as specific pages built from that one query
(`specific(defer=True)`, the fields a page type's title needs read as in the explorer:
nfp_site.page_explorer.read_row_fields), and their workflow states.

Whether each row's page is public is answered from the cached outermost restricted pages
(nfp_site.admin_privacy), as everywhere in the admin.
"""

from django.conf import settings
from django.db.models import Max, OuterRef, Subquery
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import RecentEditsPanel
from wagtail.models import Page, PageLogEntry

from nfp_site.admin_privacy import read_restricted_roots_once
from nfp_site.page_explorer import read_row_fields

EDIT = "wagtail.edit"
LATEST_EDIT = "_nfp_latest_edit"


class BatchedRecentEditsPanel(RecentEditsPanel):
    """Wagtail's panel (same template, same rows), its pages read with their edit dates."""

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = Component.get_context_data(self, parent_context)
        edit_count = getattr(settings, "WAGTAILADMIN_RECENT_EDITS_LIMIT", 5)
        edits = PageLogEntry.objects.filter(user=request.user, action=EDIT)
        # Wagtail's query (RecentEditsPanel), as the pages' filter.
        last_edited = (
            edits.values("page_id")
            .annotate(latest_date=Max("timestamp"))
            .order_by("-latest_date")[:edit_count]
        )
        latest_edit = edits.filter(page_id=OuterRef("pk")).order_by("-timestamp")
        pages = list(
            Page.objects.filter(pk__in=last_edited.values("page_id"))
            .annotate(**{LATEST_EDIT: Subquery(latest_edit.values("timestamp")[:1])})
            .specific(defer=True)
            .prefetch_workflow_states()
            .annotate_approved_schedule()
        )
        read_row_fields(pages)
        pages.sort(key=lambda page: getattr(page, LATEST_EDIT), reverse=True)
        context["last_edits"] = [(getattr(page, LATEST_EDIT), page) for page in pages]
        context["request"] = request
        return context


def read_dashboard_pages_at_once(request, panels: list) -> None:
    """For `construct_homepage_panels`: this panel in the place of Wagtail's, and the
    rows' privacy from the cache."""
    read_restricted_roots_once(request)
    for index, panel in enumerate(panels):
        if type(panel) is RecentEditsPanel:
            panels[index] = BatchedRecentEditsPanel()
