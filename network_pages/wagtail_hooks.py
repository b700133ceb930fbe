"""Wiring only: the access rule in front of Wagtail's own page and document checks."""

from django.urls import path, reverse
from wagtail import hooks

from network_pages import access, audit, network_area, state_record_sections
from network_pages.admin import statistics_views
from network_pages.admin import worklists as membership_worklists
from network_pages.admin.log_actions import register_membership_log_actions
from network_pages.admin.viewsets import NetworkMembershipViewSetGroup
from network_pages.community.state_record import STATE_RECORD_HOOK
from network_pages.community.worklists import WORK_LISTS_HOOK


@hooks.register("before_serve_page", order=-100)
def require_verified_member_for_restricted_pages(page, request, serve_args, serve_kwargs):
    # Wagtail's own check (an on_serve_page hook) knows groups but not one-time passwords.
    restrictions = page.get_view_restrictions()
    if not restrictions:
        if network_area.is_in_network_area(page):
            # A network page that lost its restriction is a mistake, never an opening.
            access.mark_restricted(request)
            return access.refusal(request, access.Verdict.REFUSE)
        return None
    access.mark_restricted(request)
    outcome = access.verdict(request, restrictions)
    if outcome is not access.Verdict.ALLOW:
        return access.refusal(request, outcome)
    return None


@hooks.register("before_serve_document", order=-100)
def require_verified_member_for_restricted_documents(document, request):
    restrictions = document.collection.get_view_restrictions()
    if not restrictions:
        return None
    access.mark_restricted(request)
    outcome = access.verdict(request, restrictions)
    if outcome is not access.Verdict.ALLOW:
        return access.refusal(request, outcome)
    return None


@hooks.register("after_create_page")
def mirror_new_network_pages(request, page):
    if network_area.is_in_network_area(page):
        network_area.mirror_into_other_locales(page)


# Admin: membership management
@hooks.register("register_admin_viewset")
def register_network_membership():
    return NetworkMembershipViewSetGroup()


hooks.register("register_log_actions", register_membership_log_actions)


hooks.register("register_log_actions", audit.register_audit_actions)


hooks.register(WORK_LISTS_HOOK, membership_worklists.membership_work_lists)
hooks.register(STATE_RECORD_HOOK, state_record_sections.core_record)


@hooks.register("register_admin_urls")
def register_statistics_urls():
    view = statistics_views.StatisticsView.as_view()
    return [
        path("statistics/", view, name=statistics_views.URL_NAME),
        path("statistics/csv/", view, {"fmt": "csv"}, name="network_statistics_csv"),
        path("statistics/xlsx/", view, {"fmt": "xlsx"}, name="network_statistics_xlsx"),
    ]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return statistics_views.menu_item(reverse(statistics_views.URL_NAME))
