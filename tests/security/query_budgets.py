"""What each page of the marked site costs in queries, asked by the visitor it is for.

Every probe the matrix knows is asked once as the role it is meant for (anonymous for the
public section, otherwise the French Focal Point, the DMR or the guest, whichever may open
it), once to warm what production keeps warm (Wagtail's site root paths), then measured
with the public page cache emptied, so that it is the rendering that is measured. The main
admin screens are asked as the DMR. Then the site grows (`grow`) and everything is measured
again: a page's cost must not depend on the data.
"""

import re
from dataclasses import dataclass
from unittest.mock import patch

from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry

from home.models import NewsIndexPage, NewsItemPage
from home.page_cache import start_new_generation
from network_pages import roles, security
from network_pages.community.factories import make_comment, make_thematic_group, make_update
from network_pages.community.models import ThematicGroupIndexPage, ThematicGroupPage
from network_pages.factories import make_member
from network_pages.information.factories import make_item, make_request, make_response
from network_pages.information.models import (
    InformationItemIndexPage,
    InformationRequestIndexPage,
    InformationRequestPage,
)
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingDocument, MeetingIndexPage, MeetingPage
from network_pages.models import MemberState
from network_pages.network_area import ensure_network_collection
from tests.home.conftest import publish_under

from .expectations import Outcome
from .marked_site import MarkedSite
from .roles import Role, client_for

SITE_BUDGET = 15
ADMIN_BUDGET = 25
# Who asks a restricted page: the first of these that may open it.
READERS = (Role.FOCAL_POINT, Role.DMR, Role.GUEST)
# Pages that are not the same for every reader, measured as these readers too (when they may
# open them): the network home shows each role its own work lists (the DMR's are the
# Secretariat's eight; a guest has none: they are sent to their meetings).
ALSO_READ_BY = {
    "/en/network/": (Role.DMR, Role.GUEST),
    "/fr/reseau/": (Role.DMR, Role.GUEST),
}
# Files are downloads, not pages: their cost is the file's, measured elsewhere.
NOT_PAGES = ("/documents/", "/media/", "/en/media/")
# A library's PDF preview is a file too, served by the download's rule.
FILE_URL = re.compile(
    r"^/\w\w/(network/library/versions/\d+/preview|reseau/bibliotheque/versions/\d+/apercu)/$"
)


@dataclass(frozen=True)
class Cost:
    url: str
    role: Role
    queries: int
    status: int


def reader_of(probe) -> Role | None:
    """Who a page is for; None for a URL that opens to nobody (a refusal, a 404)."""
    if not probe.restricted:
        return Role.ANONYMOUS if probe.expected[Role.ANONYMOUS] is Outcome.OK else None
    return next((role for role in READERS if probe.expected[role] is Outcome.OK), None)


def _measure(client, url: str, role: Role) -> Cost:
    client.get(url)  # what production keeps warm: Wagtail's site root paths, the locales
    start_new_generation()  # the rendering, not the public page cache
    # The page, not the session's "last seen" time, written once a minute whatever the page
    # (a minute that ended between the two requests made a page cost 3 more at random).
    with (
        patch.object(security, "LAST_SEEN_RESOLUTION_SECONDS", 24 * 3600),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get(url)
    return Cost(url, role, len(queries), response.status_code)


def admin_screens(site: MarkedSite) -> list[str]:
    """The bench's admin screens (network_pages/bench/pages.py: the dashboard, the explorer
    of the requests, the editor of the request with the most responses, the workflows
    report) and the explorer and editor of the network home and a meeting."""
    network = site.things["network"]
    meeting = site.things["meeting_b"]
    requests_index = InformationRequestIndexPage.objects.filter(alias_of__isnull=True).first()
    request = marked_request()
    return [
        "/admin/",
        f"/admin/pages/{network.pk}/",
        f"/admin/pages/{requests_index.pk}/",
        f"/admin/pages/{meeting.pk}/edit/",
        f"/admin/pages/{request.pk}/edit/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
    ]


def marked_request() -> InformationRequestPage:
    return InformationRequestPage.objects.filter(
        alias_of__isnull=True, slug="reception-of-minors"
    ).first()


def dmr_at_work(site: MarkedSite, users: dict) -> None:
    """The DMR's dashboard as the bench shows it (its "Your most recent edits", "Awaiting
    your review" and "Your pages in a workflow" panels are empty on a site nobody has
    worked on, and each costs queries once it lists anything): pages the DMR edited lately,
    and a draft the DMR submitted to the joint approval, which the DMR's party reviews."""
    dmr = users[Role.DMR]
    draft = site.things["publication_draft"].specific
    draft.get_workflow().start(draft, dmr)
    edited = [
        site.things["network"],
        site.things["meeting_b"],
        marked_request(),
        InformationRequestIndexPage.objects.filter(alias_of__isnull=True).first(),
        draft,
    ]
    for page in edited:
        PageLogEntry.objects.log_action(page, "wagtail.edit", user=dmr)


def measure(site: MarkedSite, users: dict) -> tuple[list[Cost], list[Cost]]:
    """(site pages, admin screens), each with its cost."""
    clients = {}
    pages = []
    seen = set()
    for probe in site.probes:
        role = reader_of(probe)
        if role is None or probe.url in seen or probe.url.startswith(NOT_PAGES):
            continue
        if FILE_URL.match(probe.url):
            continue
        seen.add(probe.url)
        client = clients.setdefault(role, client_for(role, users))
        pages.append(_measure(client, probe.url, role))
        for other in ALSO_READ_BY.get(key_of(probe.url), ()):
            if other is not role and probe.expected[other] is Outcome.OK:
                client = clients.setdefault(other, client_for(other, users))
                pages.append(_measure(client, probe.url, other))
    if not PageLogEntry.objects.filter(user=users[Role.DMR], action="wagtail.edit").exists():
        with TestCase.captureOnCommitCallbacks(execute=True):
            dmr_at_work(site, users)
    dmr = clients.setdefault(Role.DMR, client_for(Role.DMR, users))
    admin = [_measure(dmr, url, Role.DMR) for url in admin_screens(site)]
    return pages, admin


def grow(site: MarkedSite, users: dict, size: int = 8) -> None:
    """More of everything a page lists or counts: members, meetings, requests and their
    responses, information items, thematic groups and updates, comments and replies, news,
    and documents on a meeting that other meetings list too."""
    states = list(MemberState.objects.order_by("code")[:size])
    members = [
        make_member(f"grown{number}", groups=(roles.FOCAL_POINTS,), state=state.code)
        for number, state in enumerate(states)
    ]
    meetings_index = MeetingIndexPage.objects.filter(alias_of__isnull=True).first()
    grown_meetings = [
        make_meeting(
            meetings_index,
            title=f"Grown meeting {number}",
            slug=f"grown-meeting-{number}",
            opening=days_from_today(30 + number),
        )
        for number in range(size)
    ]
    _grow_meeting_documents(site.things["meeting_a"], grown_meetings)
    requests_index = InformationRequestIndexPage.objects.filter(alias_of__isnull=True).first()
    for number in range(size):
        make_request(requests_index, title=f"Grown request {number}")
    request_page = marked_request()
    answered = set(request_page.responses.values_list("member_state__code", flat=True))
    for state in states:
        if state.code not in answered:
            make_response(request_page, state.code)
    items_index = InformationItemIndexPage.objects.filter(alias_of__isnull=True).first()
    for number, state in enumerate(states):
        make_item(items_index, title=f"Grown item {number}", member_state=state)
    groups_index = ThematicGroupIndexPage.objects.filter(alias_of__isnull=True).first()
    for number in range(size // 2):
        group = make_thematic_group(groups_index, f"Grown group {number}")
        make_update(group, f"Grown update {number}")
    commented = [
        MeetingPage.objects.get(pk=site.things["meeting_a"].pk),
        request_page,
        ThematicGroupPage.objects.filter(alias_of__isnull=True, slug="open-group").first(),
    ]
    authors = [users[Role.FOCAL_POINT], users[Role.DMR], *members]
    for page in commented:
        for number in range(size * 2):
            author = authors[number % len(authors)]
            comment = make_comment(page, author, body=f"Grown comment {number}")
            make_comment(page, authors[0], body=f"Grown reply {number}", parent=comment)
    news_index = NewsIndexPage.objects.filter(locale__language_code="en").first()
    for number in range(size):
        publish_under(news_index, NewsItemPage(title=f"Grown news {number}", intro="x"))


def _grow_meeting_documents(meeting, others: list, size: int = 8) -> None:
    """More documents on the meeting, in the collection of its own, each also listed on
    another meeting: the owner rule weighs every meeting a document is listed on."""
    listed = MeetingDocument.objects.filter(meeting_id=meeting.pk).select_related("document")
    first = listed.first()
    collection = first.document.collection if first else ensure_network_collection()
    for number in range(size):
        document = get_document_model()(title=f"Grown paper {number}", collection=collection)
        document.file.save(f"grown-{number}.txt", ContentFile(b"Grown paper."), save=False)
        document.save()
        MeetingDocument.objects.create(meeting_id=meeting.pk, document=document)
        MeetingDocument.objects.create(meeting=others[number % len(others)], document=document)


def key_of(url: str) -> str:
    """The URL with its ids left out (they differ from run to run)."""
    return re.sub(r"/\d+/", "/<id>/", url)


def known_key(cost: Cost) -> str:
    """How a known offender is listed when only one reader's page is over: "url as role"."""
    return f"{key_of(cost.url)} as {cost.role}"


def allowed_for(cost: Cost, budget: int, known: dict[str, int]) -> int:
    """A known offender's own budget (for this reader, or for the page), else `budget`."""
    return known.get(known_key(cost), known.get(key_of(cost.url), budget))


def over_budget(costs: list[Cost], budget: int, known: dict[str, int]) -> list[str]:
    """A line per page over its budget (a known offender's own, else `budget`)."""
    lines = []
    for cost in costs:
        allowed = allowed_for(cost, budget, known)
        if cost.queries > allowed:
            lines.append(f"{cost.url} as {cost.role}: {cost.queries} queries (budget {allowed})")
    return lines


def table(costs: list[Cost]) -> str:
    return "\n".join(
        f"{cost.queries:4d}  {cost.status}  {cost.role:<22} {key_of(cost.url)}" for cost in costs
    )
