"""A reviewer's admin: the pages they review, and nothing else (issue 13).

Network approvers enter the Wagtail admin only to review joint approvals (3.3): their group
has `access_admin` and no other permission. Wagtail's admin is built for editors; its
explorer, searches, choosers, API, reports and move or bulk confirmation screens would name
pages they have no business reading there. So a *review-only* user (the admin, and no page,
collection or model permission) may open an allowlist of admin views, decided here:

- always: the dashboard (their tasks), their account, signing out, the admin's own assets,
  and the joint approval's review and preview (which check the party and the page);
- for a page they review (`reviewable_page_ids`): its editor (read-only for them), preview,
  history, revisions and their comparison, workflow history, and Wagtail's workflow actions.

Everything else answers as Wagtail's own "permission denied" does: back to the dashboard.
One middleware asks `allows()` in front of every admin view, so a view Wagtail adds in an
upgrade is closed to reviewers until it is listed here; the sidebar shows only what it allows.
The DMR, superusers and anyone with a page, collection or model permission keep their admin.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django.contrib.auth.models import Group
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from wagtail.admin.auth import permission_denied
from wagtail.models import Page, TaskState, get_default_page_content_type

from workflows.models import JointApprovalTask

ACCESS_ADMIN = "wagtailadmin.access_admin"
ADMIN_PREFIX = "/admin/"

# Views any review-only user may open.
ALWAYS = frozenset(
    {
        "wagtailadmin_home",
        "wagtailadmin_account",
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "wagtailadmin_dismissibles",
        "wagtail_localize:javascript_catalog",
        "wagtailadmin_editing_sessions:release",
        # Their own checks: a member of the task's parties, who may see the page.
        "workflows:review",
        "workflows:preview",
    }
)
# Views of one page, opened only for a page the user reviews.
FOR_A_REVIEWED_PAGE = frozenset(
    {
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:preview_on_edit",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_pages:history",
        "wagtailadmin_pages:history_results",
        "wagtailadmin_pages:revisions_index",
        "wagtailadmin_pages:revisions_view",
        "wagtailadmin_pages:revisions_compare",
        "wagtailadmin_pages:workflow_history",
        "wagtailadmin_pages:workflow_history_detail",
        "wagtailadmin_pages:workflow_preview",
        "wagtailadmin_pages:workflow_action",
        "wagtailadmin_pages:collect_workflow_action_data",
        "wagtailadmin_editing_sessions:ping",
    }
)
# Where those views take the page's id.
PAGE_ARGUMENTS = ("page_id", "pk", "object_id")


def is_review_only(user) -> bool:
    """The admin and nothing else to do in it: no page, collection or model permission."""
    if not user.is_authenticated or not user.is_active or user.is_superuser:
        return False
    # Cached on the user object, which Wagtail's own admin check reads too.
    if user.get_all_permissions() != {ACCESS_ADMIN}:
        return False
    return not (
        Group.objects.filter(user=user)
        .filter(Q(page_permissions__isnull=False) | Q(collection_permissions__isnull=False))
        .exists()
    )


def reviewable_page_ids(user) -> set[int]:
    """Pages that were ever in a joint approval task of one of the user's groups: the ones
    to review now, and the ones reviewed, cancelled or released, which the notifications
    and the review pages still link to. Asked once per request (kept on the request's user)."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_nfp_reviewable_page_ids"):
        user._nfp_reviewable_page_ids = _reviewable_page_ids(user)
    return user._nfp_reviewable_page_ids


def _reviewable_page_ids(user) -> set[int]:
    tasks = JointApprovalTask.objects.filter(groups__user=user).values("pk")
    object_ids = (
        TaskState.objects.filter(
            task_id__in=tasks,
            workflow_state__base_content_type=get_default_page_content_type(),
        )
        .values_list("workflow_state__object_id", flat=True)
        .distinct()
    )
    return {int(object_id) for object_id in object_ids}


def is_reviewed_page(user, kwargs: Mapping[str, Any]) -> bool:
    for name in PAGE_ARGUMENTS:
        value = str(kwargs.get(name, ""))
        if value.isdigit():
            return int(value) in reviewable_page_ids(user)
    return False


def allows(user, view_name: str | None, kwargs: Mapping[str, Any]) -> bool:
    """May this review-only user open this admin view, with these arguments?"""
    if view_name in ALWAYS:
        return True
    if view_name in FOR_A_REVIEWED_PAGE:
        if view_name.startswith("wagtailadmin_editing_sessions:") and (
            kwargs.get("app_label"),
            kwargs.get("model_name"),
        ) != (Page._meta.app_label, Page._meta.model_name):
            return False
        return is_reviewed_page(user, kwargs)
    return False


def allows_url(request: HttpRequest, url: str) -> bool:
    """The same question for a link (a menu item's), asked with the request's user."""
    if not url.startswith(ADMIN_PREFIX):
        return False
    try:
        match = resolve(url.split("?", 1)[0])
    except Resolver404:
        return False
    return allows(request.user, match.view_name, match.kwargs)


def review_only(request: HttpRequest) -> bool:
    """`is_review_only` for the request's user, asked once per request."""
    if not hasattr(request, "_nfp_review_only"):
        request._nfp_review_only = is_review_only(request.user)
    return request._nfp_review_only


class ReviewOnlyAdminMiddleware:
    """In front of every admin view: a review-only user opens only what `allows` allows."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not request.path.startswith(ADMIN_PREFIX) or not review_only(request):
            return None
        match = request.resolver_match
        if allows(request.user, match.view_name if match else None, view_kwargs):
            return None
        return permission_denied(request)


def menu_items_for_reviewers(request: HttpRequest, menu_items: list) -> None:
    """For `construct_main_menu`: a review-only user's sidebar links only where they may go
    (no submenus: reports, settings and help are not theirs)."""
    if review_only(request):
        menu_items[:] = [
            item
            for item in menu_items
            if not hasattr(item, "menu") and allows_url(request, item.url)
        ]
