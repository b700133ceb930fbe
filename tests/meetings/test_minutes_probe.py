"""The minutes' probe of the owner rule (`document_owners.minutes_linking`) finds exactly the
meetings whose minutes link one of the documents, with a query that is the same for any
documents of that number (compiled once per process, issue 17)."""

import pytest

from network_pages import access
from network_pages.meetings.document_owners import (
    NARROWED_UP_TO,
    minutes_linking,
    minutes_owners,
)
from network_pages.network_area import ensure_network_collection
from nfp_site import prepared_sql

from .test_document_owners import link_from_minutes
from .test_guest_access import document_in

pytestmark = pytest.mark.django_db


def test_the_minutes_probe_finds_the_meetings_linking_one_of_the_documents_only(
    plenary, thematic_session
):
    documents = [document_in(ensure_network_collection(), f"Doc {n}") for n in range(12)]
    first, linked = documents[0], documents[-1]  # ids that start or end alike
    link_from_minutes(thematic_session, linked)
    link_from_minutes(plenary, documents[3], documents[4])

    def linking(*chosen, more_ids=()) -> set[int]:
        """The meetings found (a French alias has its source's minutes: its source's id)."""
        ids = [d.pk for d in chosen] + list(more_ids)
        found = minutes_linking(ids).values_list("pk", "alias_of_id")
        return {alias_of or pk for pk, alias_of in found}

    assert linking(linked) == {thematic_session.pk}
    assert linking(first, linked) == {thematic_session.pk}
    assert linking(documents[4], first, linked) == {thematic_session.pk, plenary.pk}
    assert linking(first) == set()
    assert linking(*documents[5:11]) == set()
    # As many ids as the pattern names at most (a longer pattern on SQLite's parser too).
    absent = range(10**6, 10**6 + NARROWED_UP_TO - 1)
    assert linking(linked, more_ids=absent) == {thematic_session.pk}


def test_the_minutes_probe_is_the_same_query_for_any_documents_of_that_number(db):
    first_sql, first_params = access._attached_sql(minutes_owners, [11, 12, 13])
    other_sql, other_params = access._attached_sql(minutes_owners, [21, 3, 405])

    assert first_sql == other_sql
    assert first_params != other_params
    # The ids are parameters of their own (in PostgreSQL one array of integers,
    # `array_parameter`), not written into the pattern.
    ids = prepared_sql.array_parameter([21, 3, 405])
    assert ids in other_params or 405 in other_params
    assert not any(isinstance(p, str) and "405" in p for p in other_params if p != ids)
