"""The admin as a network approver sees it (issue 13): every admin pattern, filled with the
ids of restricted objects they do not review, and the patterns whose answer depends on the
page (REVIEW_ROUTES) filled again with those of the draft they do.

An approver has the admin to review joint approvals, nothing more: every door refuses them
(Wagtail's own refusal, back to the dashboard, or a 403/404/405), except their own screens
and the review screens of the draft in their task; no answer names a restricted marker but
that draft's."""

from django.test import Client
from django.urls import Resolver404, resolve

from tests.conftest import sign_in
from workflows import approver_admin

from .admin_urls import argument_values, url_for
from .expectations import body_text, leaks
from .marked_site import MarkedSite
from .url_inventory import admin_patterns

# Open to an approver whatever they ask: their dashboard, account, the admin's assets.
THEIR_OWN = {
    "admin/",
    "admin/account/",
    "admin/jsi18n/",
    "admin/sprite/",
    "admin/dismissibles/",
    "admin/localize/jsi18n/",
}
# Opened for the draft in their task (Wagtail's own checks still apply behind them).
REVIEW_ROUTES = {
    "admin/joint-approval/review/<int:task_state_id>/",
    "admin/joint-approval/review/<int:task_state_id>/preview/",
    "admin/pages/<int:page_id>/edit/",
    "admin/pages/<int:page_id>/edit/preview/",
    "admin/pages/<int:page_id>/view_draft/",
    "admin/pages/<int:page_id>/history/",
    "admin/pages/<int:page_id>/history/results/",
    "admin/pages/<int:page_id>/revisions/",
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/view/",
    r"admin/pages/(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\."
    r"(?P<revision_id_b>live|latest|\d+)/$",
    "admin/pages/<int:page_id>/workflow_history/",
    "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/",
    "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/",
    "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
    "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/"
    "<int:task_state_id>/",
    "admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/"
    "<int:session_id>/",
}
# The review of the draft in their task: each answers 200 and shows the draft.
REVIEW_SCREENS = (
    "/admin/joint-approval/review/{task_state}/",
    "/admin/joint-approval/review/{task_state}/preview/",
    "/admin/pages/{page}/edit/",
    "/admin/pages/{page}/view_draft/",
    "/admin/pages/{page}/workflow_history/",
    "/admin/pages/workflow/preview/{page}/{task}/",
    "/admin/",
)
# Wagtail's admin listings, searched: refused before they list anything.
SEARCHES = (
    "/admin/pages/search/?q=QZMK",
    "/admin/choose-page/search/?q=QZMK",
    "/admin/api/main/pages/?search=QZMK",
    "/admin/api/main/documents/?search=QZMK",
    "/admin/documents/chooser/results/?q=QZMK",
    "/admin/reports/site-history/?q=QZMK",
)
REFUSED_STATUSES = {403, 404, 405}


def refused(response, url: str) -> bool:
    """Wagtail's refusal (the dashboard, with a message), an error status, or Django's
    locale redirect of a 404 (it names nothing but the path)."""
    location = response.get("Location", "")
    return response.status_code in REFUSED_STATUSES or (
        response.status_code == 302 and location in ("/admin/", f"/en{url}")
    )


def ids_may_matter(route: str, url: str) -> bool:
    """Whether the approver's answer for `route` may depend on the ids in it: a route the
    test opens for the reviewed draft, or a view the application's allowlist names."""
    if route in REVIEW_ROUTES or route in THEIR_OWN:
        return True
    try:
        view_name = resolve(url.split("?", 1)[0]).view_name
    except Resolver404:
        return True
    return view_name in approver_admin.ALWAYS | approver_admin.FOR_A_REVIEWED_PAGE


def reviewed_values(site: MarkedSite) -> dict[str, str]:
    page = site.things["reviewed_draft"]
    task_state = site.things["reviewed_task_state"]
    return {
        **argument_values(site),
        "page": str(page.pk),
        "page_id": str(page.pk),
        "object_id": str(page.pk),
        "revision_id": str(page.latest_revision_id),
        "task_state_id": str(task_state.pk),
        "task_id": str(task_state.task_id),
        "workflow_state_id": str(task_state.workflow_state_id),
        "app_label": "wagtailcore",
        "model_name": "page",
    }


def approver_admin_problems(site: MarkedSite) -> tuple[list[str], int]:
    """Problems, and the number of requests made."""
    client = sign_in(Client(), site.things["approver"])
    reviewed = site.things["reviewed_draft_marker"]
    forbidden = [marker for marker in site.restricted_markers() if marker.text != reviewed]
    others, theirs = argument_values(site), reviewed_values(site)
    found, count = [], 0
    for url in SEARCHES:
        response = client.get(url)
        count += 1
        where = f"{url} as a network approver"
        found += leaks(response, body_text(response), where, forbidden)
        if not refused(response, url):
            found.append(f"{where}: answered {response.status_code}")
    # Signing out last: it ends the session the rest is asked with.
    for route in sorted(admin_patterns(), key=lambda route: "logout" in route):
        other_url, their_url = url_for(route, others), url_for(route, theirs)
        # Every pattern with the ids of restricted objects they do not review; with the
        # ids of the draft they review, the patterns the allowlist opens (the test's list
        # and the application's): every other view is refused by its name alone, whatever
        # the ids (workflows/approver_admin.py, `allows`), the branch already asked.
        urls = {other_url, their_url} if ids_may_matter(route, other_url) else {other_url}
        for url in sorted(urls):
            response = client.get(url)
            count += 1
            where = f"{url} as a network approver (pattern {route})"
            found += leaks(response, body_text(response), where, forbidden)
            may_open = route in THEIR_OWN or (url != other_url and route in REVIEW_ROUTES)
            if not may_open and not refused(response, url):
                found.append(f"{where}: answered {response.status_code}")
    return found, count


def approver_review_problems(site: MarkedSite) -> list[str]:
    """The draft in the approver's task is reviewable: proof that the refusals above are
    refusals of one rule, not of the whole admin."""
    client = sign_in(Client(), site.things["approver"])
    page = site.things["reviewed_draft"]
    task_state = site.things["reviewed_task_state"]
    found = []
    for template in REVIEW_SCREENS:
        url = template.format(page=page.pk, task_state=task_state.pk, task=task_state.task_id)
        response = client.get(url)
        if response.status_code != 200 or site.things["reviewed_draft_marker"] not in (
            body_text(response)
        ):
            found.append(f"{url} ({resolve(url).view_name}): {response.status_code}")
    return found
