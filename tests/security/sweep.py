"""Request every probe of the marked site as every role, once, and keep what went wrong.

The site is built and swept once per module (building it takes longer than all the checks
together); the tests then read the findings, one rule each.
"""

import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.test import Client

from .admin_urls import OPEN_WITHOUT_SIGNING_IN, argument_values, url_for
from .approver_admin_sweep import approver_admin_problems, approver_review_problems
from .expectations import Outcome, Probe, body_text, cache_problem, leaks, outcome_of, problems
from .feeds_and_listings import calendar_feed_problems, public_listing_problems
from .marked_site import MarkedSite
from .members_search import SEARCHERS as MEMBER_SEARCHERS
from .members_search import members_search_problems
from .page_cache_sweep import page_cache_problems, signed_in_hit
from .review_content import build_reviewed_draft
from .roles import EVERYONE, Role, client_for
from .switcher import switcher_problems
from .url_inventory import admin_patterns, page_routes_of, pattern_of

# The admin is for the DMR. Refused before any admin view runs: signed out, not verified
# (middleware), and verified without admin access (Wagtail's own check, as for any member).
ADMIN_OUTSIDERS = (Role.ANONYMOUS, Role.PASSWORD_ONLY, Role.FOCAL_POINT)
# The public search does not depend on who asks: the least and the most privileged ask.
SEARCHERS = (Role.ANONYMOUS, Role.DMR)
# Whose pages the language switcher is checked on: between them they open every view.
SWITCHER_READERS = (Role.FOCAL_POINT, Role.DMR)
REFUSALS = {
    Outcome.SIGN_IN,
    Outcome.VERIFY,
    Outcome.REFUSED,
    Outcome.NOT_FOUND,
    Outcome.NOT_ALLOWED,
}
OPEN_ANSWERS = {Outcome.OK, Outcome.REDIRECT}
# A blank search: what a results page says when it finds nothing (it echoes the query).
NOTHING = "QZNOTHINGTOFIND"


@dataclass
class Findings:
    by_role: dict[Role, list[str]] = field(default_factory=lambda: defaultdict(list))
    search: list[str] = field(default_factory=list)
    members_search: list[str] = field(default_factory=list)
    admin: list[str] = field(default_factory=list)
    admin_reached_by_dmr: list[str] = field(default_factory=list)
    admin_as_approver: list[str] = field(default_factory=list)
    reviewed_by_approver: list[str] = field(default_factory=list)
    calendar_feeds: list[str] = field(default_factory=list)
    public_listings: list[str] = field(default_factory=list)
    page_cache: list[str] = field(default_factory=list)
    switcher: list[str] = field(default_factory=list)
    requested_patterns: set[str] = field(default_factory=set)
    requested_routes: set[tuple[str, str]] = field(default_factory=set)
    request_count: int = 0
    seconds_by_role: dict[Role, float] = field(default_factory=dict)


def sweep(site: MarkedSite, users: dict) -> Findings:
    findings = Findings()
    routes = page_routes_of([probe.url for probe in site.probes])
    findings.requested_routes = set(routes.values())
    findings.requested_patterns = {pattern_of(probe.url) for probe in site.probes}
    for role in Role:
        started = time.perf_counter()
        client = client_for(role, users)
        forbidden = site.forbidden_for(role)
        for probe in site.probes:
            response = client.get(probe.url)
            findings.by_role[role] += problems(response, probe, role, forbidden)
            findings.page_cache += signed_in_hit(response, probe, role)
            findings.request_count += 1
            if role in SWITCHER_READERS and _is_html_page(response):
                findings.switcher += switcher_problems(probe.url, response.content.decode())
        if role in SEARCHERS:
            sweep_search(site, role, client, forbidden, findings)
        if role in MEMBER_SEARCHERS:
            findings.members_search += members_search_problems(site, role, client)
        if role in ADMIN_OUTSIDERS:
            sweep_admin(site, role, client, findings)
        findings.seconds_by_role[role] = time.perf_counter() - started
    sweep_admin_as_dmr(site, users, findings)
    # After the roles' sweeps: a draft waiting in the joint approval changes what the DMR's
    # dashboard lists, which the query budgets measure on the marked site as built.
    build_reviewed_draft(site, site.things["network"], users)
    findings.admin_as_approver, count = approver_admin_problems(site)
    findings.request_count += count
    findings.reviewed_by_approver = approver_review_problems(site)
    findings.calendar_feeds = calendar_feed_problems(site, users)
    findings.public_listings = public_listing_problems(site)
    # Last: after every role has asked for everything.
    findings.page_cache += page_cache_problems(site)
    return findings


def _is_html_page(response) -> bool:
    content_type = response.get("Content-Type", "")
    return response.status_code == 200 and not response.streaming and "text/html" in content_type


def sweep_search(site: MarkedSite, role: Role, client: Client, forbidden, findings) -> None:
    """The public search, for every marker: only public markers are ever found."""
    for language in ("en", "fr"):
        baseline = body_text(client.get(f"/{language}/search/?q={NOTHING}")).count(NOTHING)
        for marker in site.markers:
            public = marker.readers == EVERYONE
            shows = (marker.text,) if public and marker.where.endswith(language) else ()
            probe = Probe(
                f"/{language}/search/?q={marker.text}",
                dict.fromkeys(Role, Outcome.OK),
                shows=shows,
                restricted=False,
                echo=marker.text,
            )
            response = client.get(probe.url)
            findings.search += problems(response, probe, role, forbidden, echo_baseline=baseline)
            findings.request_count += 1


def sweep_admin(site: MarkedSite, role: Role, client: Client, findings: Findings) -> None:
    """Every admin pattern, arguments filled with real ids: refused, and nothing leaks."""
    values = argument_values(site)
    # Signing out last: it would end the session the rest is asked with.
    for route in sorted(admin_patterns(), key=lambda route: "logout" in route):
        url = url_for(route, values)
        response = client.get(url)
        findings.request_count += 1
        where = f"{url} as {role} (pattern {route})"
        body = body_text(response)
        findings.admin += leaks(response, body, where, site.restricted_markers())
        if response.get("Location") == f"/en{url}":
            # A 404 that Django's LocaleMiddleware turns into a redirect to /en/<the same
            # path> (e.g. the disabled password reset): it names nothing but the path.
            continue
        allowed = REFUSALS | (OPEN_ANSWERS if route in OPEN_WITHOUT_SIGNING_IN else set())
        if outcome_of(response, url) not in allowed:
            findings.admin.append(f"{where}: answered {response.status_code}")
        findings.admin += cache_problem(response, where)


def sweep_admin_as_dmr(site: MarkedSite, users: dict, findings: Findings) -> None:
    """The DMR does reach the editor, a revision and the history of a restricted page: the
    ids the sweep fills in are real, so the refusals above are refusals of real objects."""
    client = client_for(Role.DMR, users)
    meeting = site.things["meeting_b"]
    title_marker = site.things["meeting_b_title"]
    for url in (
        f"/admin/pages/{meeting.pk}/edit/",
        f"/admin/pages/{meeting.pk}/revisions/{meeting.latest_revision_id}/view/",
        f"/admin/pages/{meeting.pk}/history/",
    ):
        response = client.get(url)
        findings.request_count += 1
        if response.status_code != 200 or title_marker not in body_text(response):
            findings.admin_reached_by_dmr.append(f"{url}: {response.status_code}")
