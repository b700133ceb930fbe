"""Wiring only: admin menus, log actions, following and workspace restrictions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from network_pages import access, network_area
from network_pages.community import dashboard_panels, document_owners, thematic_groups
from network_pages.community.admin.viewsets import CommunityViewSetGroup
from network_pages.community.comments import posting
from network_pages.community.models import Follow, ThematicGroupUpdatePage
from network_pages.community.notifications import follow


@hooks.register("register_admin_viewset")
def register_community_admin():
    return CommunityViewSetGroup()


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action(posting.HIDE_ACTION, _("Hide comment"), _("Comment hidden"))
    actions.register_action(
        posting.RESTORE_ACTION, _("Show comment again"), _("Comment shown again")
    )


@hooks.register("after_create_page")
def follow_the_pages_you_create(request, page):
    """Authors follow what they create in the network area."""
    if network_area.is_in_network_area(page):
        follow(request.user, page, reason=Follow.Reason.AUTHORED)


@hooks.register("after_create_page")
@hooks.register("after_move_page")
def restrict_new_or_moved_workspace_pages(request, page):
    """A workspace page is restricted from its creation, not from its first publication."""
    specific = page.specific
    if isinstance(specific, ThematicGroupUpdatePage) and not specific.alias_of_id:
        thematic_groups.sync_workspaces_around(specific)


hooks.register(access.DOCUMENT_OWNERS_HOOK, document_owners.update_owners)


@hooks.register("construct_homepage_panels")
def add_work_list_panels(request, panels):
    """The DMR's "what needs doing", as on the network home."""
    panels.extend(dashboard_panels.panels_for(request))


# Late, so that Wagtail's own items are there to remove.
hooks.register("construct_homepage_summary_items", dashboard_panels.without_site_summary, order=100)
