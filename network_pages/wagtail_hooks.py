"""Wiring only: the access rule in front of Wagtail's own page and document checks."""

from wagtail import hooks

from network_pages import access, audit, network_area
from network_pages.admin.log_actions import register_membership_log_actions
from network_pages.admin.viewsets import NetworkMembershipViewSetGroup


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
    if not document.collection.get_view_restrictions():
        return None
    access.mark_restricted(request)
    outcome = access.document_verdict(request, document)
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
