"""The network area with something of every searchable kind, indexed as in production:
each change schedules its entries' refresh on commit (captured and run here). The library
is built once per module (tests/module_data.py)."""

from urllib.parse import urlencode

import pytest
from django.test import TestCase

from home.site_setup import ensure_home_pages
from network_pages.area_addresses import localized
from network_pages.community.factories import make_comment, make_thematic_group, make_update
from network_pages.community.site_setup import ensure_community_pages
from network_pages.information.factories import make_item, make_request, make_response
from network_pages.information.models import Response
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.meetings import participants
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import MemberState
from network_pages.network_area import ensure_network_area
from tests.accounts import account
from tests.page_queries import queries_of_a_get


def search_url(prefix: str = "en", **params) -> str:
    """/<prefix>/network/search/ with `params` as its query string."""
    return localized(f"/{prefix}/network/search/") + ("?" + urlencode(params) if params else "")


def body_of(response) -> str:
    return response.content.decode("utf-8")


def count_queries(client, url: str) -> int:
    return queries_of_a_get(client, url)[0]


def areas_of(network) -> dict:
    requests, items = ensure_information_indexes(network)
    return {
        "requests": requests,
        "items": items,
        "meetings": ensure_meetings_index(network),
        "community": ensure_community_pages(network),
    }


@pytest.fixture
def areas(network):
    return areas_of(network)


def build_library(areas, focal_point, other_focal_point, guest) -> dict:
    """One thing of every kind, all about "digitalisation"."""
    request = make_request(
        areas["requests"],
        title="Digitalisation of asylum files",
        questions=("Do you keep digital files?", "Which software supports digitalisation?"),
    )
    make_response(request, "DE", ["Yes, digitalisation started in 2020 (Germany).", None])
    make_response(
        request,
        "FR",
        ["Brouillon français sur la digitalisation", "Logiciel"],
        status=Response.Status.DRAFT,
        language="fr",
    )
    make_response(
        request,
        "IT",
        ["Italian draft about digitalisation", None],
        status=Response.Status.DRAFT,
    )
    item = make_item(
        areas["items"],
        title="Digitalisation of reception centres",
        summary="Tablets for digitalisation of intake.",
        member_state=MemberState.objects.get(code="DE"),
    )
    meeting = make_meeting(
        areas["meetings"],
        title="Thematic session on digitalisation",
        opening=days_from_today(30),
        agenda=("Opening", "Digitalisation tools"),
        slug="digital-session",
        guests=({"name": "Guest", "email": guest.email, "organisation": "Institute"},),
    )
    # The guest already has an account: publishing gives it the meeting's group.
    participants.sync_external_participants(meeting)
    other_meeting = make_meeting(
        areas["meetings"],
        title="Plenary on digitalisation and other matters",
        opening=days_from_today(90),
        slug="plenary-digital",
    )
    group = make_thematic_group(
        areas["community"]["thematic_groups"],
        "Digital tools",
        theme="Digitalisation",
        members_only=True,
    )
    update = make_update(group, "Call about digitalisation", body="<p>Digitalisation.</p>")
    open_group = make_thematic_group(
        areas["community"]["thematic_groups"], "Open group", theme="Digitalisation too"
    )
    comment = make_comment(item, focal_point, "My comment on digitalisation in France.")
    meeting_comment = make_comment(meeting, other_focal_point, "Digitalisation comment.")
    return {
        "request": request,
        "item": item,
        "meeting": meeting,
        "other_meeting": other_meeting,
        "group": group,
        "update": update,
        "open_group": open_group,
        "comment": comment,
        "meeting_comment": meeting_comment,
    }


# The users the library needs (tests/conftest.py's accounts), by their fixtures' names. A
# module that reads the library finds them made by it (inside its transaction).
LIBRARY_USERS = {"focal_point": "fp_fr", "other_focal_point": "fp_de", "guest": "guest"}


@pytest.fixture(scope="module")
def _library_of_the_module(module_transaction) -> dict:
    """Built and indexed once per module (tests/module_data.py), its on-commit indexing run
    as it comes: most of what a search test would otherwise cost."""
    with module_transaction(), TestCase.captureOnCommitCallbacks(execute=True):
        network = ensure_network_area(ensure_home_pages()["en"])
        users = {name: account(username) for name, username in LIBRARY_USERS.items()}
        return build_library(areas_of(network), **users)


@pytest.fixture
def library(network, focal_point, other_focal_point, guest, _library_of_the_module) -> dict:
    """The module's library, each object read again for this test (run in a savepoint)."""
    return {
        name: type(thing).objects.get(pk=thing.pk) for name, thing in _library_of_the_module.items()
    }
