"""The DMR's work lists as panels of the Wagtail dashboard: the same lists as the network
home's "what needs doing", so that both screens always agree. They take the place of
Wagtail's site summary (how many pages, images and documents there are), which told the DMR
nothing to act on and cost six queries (issue 17)."""

from wagtail.admin.ui.components import Component

from network_pages import access
from network_pages.community.worklists import work_lists_for


class WorkListsPanel(Component):
    name = "nfp_work_lists"
    template_name = "community/dashboard/admin_work_lists.html"
    order = 50

    def __init__(self, lists) -> None:
        self.lists = lists

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["lists"] = self.lists
        return context


def panels_for(request) -> list[Component]:
    if not access.is_dmr(request.user):
        return []
    lists = [
        work_list
        for work_list in work_lists_for(request.user, request)
        if work_list.on_admin_dashboard
    ]
    return [WorkListsPanel(lists)] if lists else []


def without_site_summary(request, items: list) -> None:
    """For `construct_homepage_summary_items` (after Wagtail's own): none for the DMR."""
    if access.is_dmr(request.user):
        items.clear()
