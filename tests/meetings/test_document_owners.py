"""The owner rule for meeting documents (`access.readable_by_owners`): a document listed on a
meeting or linked from its minutes is for that meeting's readers, and one query finds which
owners a page's documents have, whatever the number of owning apps (issue 17)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network_pages import access
from network_pages.meetings.document_owners import listed_owners
from network_pages.meetings.models import MeetingDocument
from network_pages.network_area import ensure_network_collection

from .test_guest_access import document_in

pytestmark = pytest.mark.django_db


def link_from_minutes(meeting, *documents) -> None:
    links = "".join(f'<a linktype="document" id="{document.pk}">file</a>' for document in documents)
    meeting.minutes = f"<p>{links}</p>"
    meeting.save_revision().publish()


def test_a_document_linked_from_a_meetings_minutes_is_for_its_readers_once_published(
    thematic_session, focal_point
):
    document = document_in(ensure_network_collection(), "Minutes annex")
    link_from_minutes(thematic_session, document)

    assert access.readable_by_owners(focal_point, [document.pk]) == {document.pk}

    thematic_session.unpublish()

    assert access.readable_by_owners(focal_point, [document.pk]) == set()


def test_a_listed_document_also_linked_from_an_unpublished_meetings_minutes_stays_closed(
    plenary, thematic_session, focal_point
):
    document = document_in(ensure_network_collection(), "Shared annex")
    MeetingDocument.objects.create(meeting=plenary, document=document, sort_order=0)
    link_from_minutes(thematic_session, document)
    thematic_session.unpublish()

    assert access.readable_by_owners(focal_point, [document.pk]) == set()


def test_only_the_documents_the_minutes_link_to_are_the_meetings(thematic_session, focal_point):
    documents = [document_in(ensure_network_collection(), f"Doc {n}") for n in range(11)]
    linked = documents[-1]  # its id starts like the first one's, or ends like it
    link_from_minutes(thematic_session, linked)

    readable = access.readable_by_owners(focal_point, [document.pk for document in documents])

    # The others are attached to nothing: the DMR's alone.
    assert readable == {linked.pk}


def test_the_owners_of_a_meetings_documents_cost_the_same_whatever_their_number(
    plenary, focal_point
):
    def cost(count: int) -> int:
        documents = [document_in(ensure_network_collection(), f"Doc {n}") for n in range(count)]
        for number, document in enumerate(documents):
            MeetingDocument.objects.create(meeting=plenary, document=document, sort_order=number)
        ids = [document.pk for document in documents]
        with access.restrictions_read_once(), CaptureQueriesContext(connection) as queries:
            readable = access.readable_by_owners(focal_point, ids)
        assert readable == set(ids)
        return len(queries)

    cost(1)  # the reader's groups, read once
    assert cost(1) == cost(6)


def test_read_from_the_meetings_that_list_them_the_documents_still_answer_to_every_owner(
    plenary, thematic_session, focal_point
):
    listed = document_in(ensure_network_collection(), "Listed only")
    shared = document_in(ensure_network_collection(), "Shared annex")
    for number, document in enumerate((listed, shared)):
        MeetingDocument.objects.create(meeting=plenary, document=document, sort_order=number)
    link_from_minutes(thematic_session, shared)
    thematic_session.unpublish()
    ids = [listed.pk, shared.pk]

    readable = access.readable_by_owners(focal_point, ids, listed_by=listed_owners)

    assert readable == access.readable_by_owners(focal_point, ids) == {listed.pk}


def test_documents_said_to_be_listed_by_meetings_but_listed_nowhere_are_the_dmrs(
    thematic_session, focal_point
):
    loose = document_in(ensure_network_collection(), "Attached to nothing")
    linked = document_in(ensure_network_collection(), "Minutes annex")
    link_from_minutes(thematic_session, linked)
    ids = [loose.pk, linked.pk]

    assert access.readable_by_owners(focal_point, ids, listed_by=listed_owners) == {linked.pk}


def test_the_meetings_that_list_a_meetings_documents_carry_the_other_owners_probe(
    plenary, focal_point
):
    documents = [document_in(ensure_network_collection(), f"Doc {n}") for n in range(3)]
    for number, document in enumerate(documents):
        MeetingDocument.objects.create(meeting=plenary, document=document, sort_order=number)
    ids = [document.pk for document in documents]
    access.group_names_of(focal_point)  # the reader's groups, read once

    with access.restrictions_read_once(), CaptureQueriesContext(connection) as queries:
        readable = access.readable_by_owners(focal_point, ids, listed_by=listed_owners)

    # The meetings with the probe, then their restrictions.
    assert readable == set(ids)
    assert len(queries) == 2
