"""Thematic groups, the working methods page and comments, for the community tests."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from network_pages import roles
from network_pages.area_addresses import sub_path_in
from network_pages.community.factories import make_thematic_group, make_update
from network_pages.community.site_setup import ensure_community_pages

REFUSED = {
    "anonymous": (302, "/accounts/login/?next="),
    "password-only": (302, "/accounts/verify/?next="),
    "verified non-member": (403, None),
    "guest": (403, None),
}


@pytest.fixture
def community(network):
    """{"thematic_groups": index, "rapporteurs": list page, "working_methods": page}."""
    return ensure_community_pages(network)


@pytest.fixture
def group(community):
    """An active thematic group whose workspace is open to the whole network."""
    return make_thematic_group(community["thematic_groups"])


@pytest.fixture
def private_group(community):
    """A thematic group whose workspace is for its members only, with one update."""
    group = make_thematic_group(
        community["thematic_groups"],
        "Digitalisation of asylum procedures",
        theme="Digital tools",
        members_only=True,
    )
    make_update(group, "MARKER-private-update-title", body="<p>MARKER-private-update-body</p>")
    return type(group).objects.get(pk=group.pk)


@pytest.fixture
def working_methods(community):
    return community["working_methods"]


@pytest.fixture
def visitors(focal_point, outsider, guest):
    """The users behind each kind of refused visitor (anonymous has none)."""
    return {"password-only": focal_point, "verified non-member": outsider, "guest": guest}


def open_to_guests(page, group_name: str = "Guests: thematic session") -> Group:
    """Restrict `page` to the members and one guest group, as a meeting for guests is."""
    guests = Group.objects.get_or_create(name=group_name)[0]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[*roles.MEMBER_GROUPS, group_name]))
    return guests


def url_of(page, route: str = "", *, language: str = "en") -> str:
    """The page's URL (or its French alias's), with a route of the page appended."""
    if language != "en":
        page = page.get_translation(Locale.objects.get(language_code=language))
    return f"{page.url}{sub_path_in(route, language)}"


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)
