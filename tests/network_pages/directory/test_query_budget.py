"""The directory costs a fixed number of queries, however many members the network has."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network_pages import roles
from network_pages.factories import make_member
from network_pages.models import Invitation, MemberState, NationalNetworkOrganisation
from tests.conftest import sign_in

from .conftest import directory_url

pytestmark = pytest.mark.django_db

MEMBERS = 150
# Measured with 150 members: 23 queries for a Focal Point's directory (22 for the DMR's,
# 21 for the export). The directory's own share is 4: member states, people, organisations
# and the reader's own profile (may they keep a national network?); the rest is the
# session, the OTP device, page routing, the view restrictions (checked by the access rule
# and again by Wagtail), the reader's groups and the language switcher.
INDEX_BUDGET = 23 + 3
EXPORT_BUDGET = 22 + 3  # the export is written to the audit trail


def populate_network(count: int = MEMBERS) -> None:
    """`count` members spread over the 46 states (a few in the Secretariat), 5 invitees who
    have not accepted, and 40 organisations."""
    states = list(MemberState.objects.order_by("code"))
    assert len(states) == 46  # from the data migration
    functions = itertools.cycle(["focal_point", "deputy", "focal_point"])
    for number, state in zip(range(count), itertools.cycle(states), strict=False):
        if number % 30 == 0:
            make_member(f"dmr{number}", groups=(roles.DMR_SECRETARIAT,), state=None)
            continue
        make_member(
            f"member{number}",
            state=state.code,
            function=next(functions),
            institution=f"Ministry {number}",
            email=f"member{number}@gov.example",
            phone="+1 555 0100",
        )
    # Invitees who have not accepted yet: read by the same query, and not listed.
    for number in range(5):
        Invitation.issue(make_member(f"invitee{number}", state=states[number].code))
    NationalNetworkOrganisation.objects.bulk_create(
        NationalNetworkOrganisation(
            member_state=state, name=f"Organisation {number}", kind="governmental"
        )
        for number, state in enumerate(states[:20] * 2)
    )


def count_queries(client, url: str) -> int:
    client.get(url)  # warm the site root paths cache, as in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["focal_point", "dmr_user"])
def test_directory_query_count_does_not_grow_with_the_network(client, network, request, who):
    sign_in(client, request.getfixturevalue(who))
    small = count_queries(client, directory_url())

    populate_network()
    large = count_queries(client, directory_url())

    assert large == small


def test_directory_of_150_members_stays_within_its_query_budget(
    client, network, focal_point, django_assert_max_num_queries
):
    populate_network()
    sign_in(client, focal_point).get(directory_url())

    with django_assert_max_num_queries(INDEX_BUDGET):
        response = client.get(directory_url())

    assert response.context["directory"].member_count == MEMBERS + 1  # and the Focal Point


def test_dmr_directory_with_edit_links_stays_within_its_query_budget(
    client, network, dmr_user, django_assert_max_num_queries
):
    populate_network()
    sign_in(client, dmr_user).get(directory_url())

    with django_assert_max_num_queries(INDEX_BUDGET):
        client.get(directory_url())


def test_export_of_150_members_stays_within_its_query_budget(
    client, network, dmr_user, django_assert_max_num_queries
):
    populate_network()
    sign_in(client, dmr_user).get(directory_url("export/csv/"))

    with django_assert_max_num_queries(EXPORT_BUDGET):
        response = client.get(directory_url("export/csv/"))

    assert response.content.decode("utf-8-sig").count("\r\n") == 1 + MEMBERS + 1
