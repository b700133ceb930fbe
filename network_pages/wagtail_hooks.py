"""Wiring only: the access rule in front of Wagtail's own page and document checks."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from network_pages import access, audit, network_area, state_record_sections
from network_pages.admin import statistics_views
from network_pages.admin import worklists as membership_worklists
from network_pages.admin.bulk_listing import READABLE_PAGE_BULK_ACTIONS
from network_pages.admin.log_actions import register_membership_log_actions
from network_pages.admin.viewsets import NetworkMembershipViewSetGroup
from network_pages.community.state_record import STATE_RECORD_HOOK
from network_pages.community.worklists import WORK_LISTS_HOOK
from nfp_site import admin_api_listing
from nfp_site.page_viewset import SitePageViewSet


@hooks.register("before_serve_page", order=-100)
def require_verified_member_for_restricted_pages(page, request, serve_args, serve_kwargs):
    # Wagtail's own check (an on_serve_page hook) knows groups but not one-time passwords.
    restrictions = access.view_restrictions_of(page)
    # That check runs next, on this same page object: it reads the same restrictions
    # instead of querying them again (and the user's groups, prefetched by the verdict).
    page.get_view_restrictions = lambda: restrictions
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
    # Files follow their owner: the collection's rule, then the attachments' (access.py).
    if not access.collection_restrictions_of(document):
        return None
    access.mark_restricted(request)
    outcome = access.document_verdict(request, document)
    if outcome is not access.Verdict.ALLOW:
        return access.refusal(request, outcome)
    return None


# The admin lists only what the user may read (issue 13, 3): network approvers have the
# admin (to review) but not every page, document or image in it.
@hooks.register("construct_explorer_page_queryset")
def readable_pages_in_the_explorer(parent_page, pages, request):
    return access.readable_pages(request, pages)


@hooks.register("construct_page_chooser_queryset")
def readable_pages_in_the_chooser(pages, request):
    return access.readable_pages(request, pages)


@hooks.register("construct_document_chooser_queryset")
def readable_documents_in_the_chooser(documents, request):
    return access.readable_documents(request, documents)


@hooks.register("construct_image_chooser_queryset")
def readable_images_in_the_chooser(images, request):
    return access.readable_images(request, images)


# After Wagtail's own apps registered theirs.
hooks.register("construct_admin_api", admin_api_listing.register_readable_endpoints, order=100)
for bulk_action in READABLE_PAGE_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=100)


@hooks.register("before_convert_alias_page")
def keep_restricted_aliases(request, page):
    """Issue 13, 6: a French copy is an alias so that it carries its source's restriction
    (a members-only workspace, a meeting's guests). Converted into an ordinary page, it
    would keep only the network root's: every member would read it. Refused, and said."""
    if not network_area.is_in_network_area(page):
        return None
    if not network_area.restrictions_narrower_than_the_area(page):
        return None
    messages.error(
        request,
        _(
            "“%(title)s” cannot be converted into an ordinary page: its original is "
            "restricted to fewer people than the network (a members-only workspace or a "
            "meeting), and the copy would lose that restriction. It stays a copy of the "
            "original."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("after_create_page")
def mirror_new_network_pages(request, page):
    if network_area.is_in_network_area(page):
        network_area.mirror_into_other_locales(page)


# The page explorer and editor, reading less (issue 17): in place of Wagtail's default
# viewset for every page type, which Wagtail registers first (order -1) to be replaced.
@hooks.register("register_admin_viewset")
def register_page_views():
    return SitePageViewSet()


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
