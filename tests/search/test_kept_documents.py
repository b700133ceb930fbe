"""The documents a reader may download are kept between their searches
(`network_pages/search/document_cache.py`): a reader who loses a document stops finding it at
the next search, whatever took it away."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from network_pages.information import document_access, rules
from network_pages.information.models import InformationItemAttachment, Response, ResponseAttachment
from network_pages.meetings.models import MeetingDocument
from network_pages.network_area import ensure_network_collection
from network_pages.search import document_cache
from tests.conftest import sign_in

from .conftest import body_of, count_queries, search_url

pytestmark = pytest.mark.django_db


def network_document(title: str, text: str, collection=None):
    document = get_document_model()(
        title=title, collection=collection or ensure_network_collection()
    )
    document.file.save("note.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


def found(client, user, words: str) -> str:
    client.logout()
    return body_of(sign_in(client, user).get(search_url(q=words)))


@pytest.fixture
def item_annex(library, django_capture_on_commit_callbacks):
    """A network document attached to the library's published information item."""
    with django_capture_on_commit_callbacks(execute=True):
        document = network_document("Walrus annex", "Walrus census")
        InformationItemAttachment.objects.create(page=library["item"], document=document)
    return document


def test_a_reader_stops_finding_a_document_once_it_is_detached_from_what_they_read(
    client, focal_point, item_annex, django_capture_on_commit_callbacks
):
    assert "Walrus annex" in found(client, focal_point, "walrus")

    with django_capture_on_commit_callbacks(execute=True):
        InformationItemAttachment.objects.filter(document=item_annex).delete()

    assert "Walrus annex" not in found(client, focal_point, "walrus")


def test_a_reader_stops_finding_a_document_once_its_page_is_restricted_from_them(
    client, library, focal_point, item_annex
):
    assert "Walrus annex" in found(client, focal_point, "walrus")

    restriction = PageViewRestriction.objects.create(
        page=library["item"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Walrus keepers"))

    assert "Walrus annex" not in found(client, focal_point, "walrus")


def test_a_guest_who_leaves_a_meeting_stops_finding_its_documents(
    client, library, guest, django_capture_on_commit_callbacks
):
    meeting = library["meeting"]
    with django_capture_on_commit_callbacks(execute=True):
        document = network_document(
            "Walrus notes", "Notes on walruses", meeting.access.documents_collection
        )
        MeetingDocument.objects.create(meeting=meeting, document=document)
    assert "Walrus notes" in found(client, guest, "walruses")
    meeting_groups = [
        group
        for group in guest.groups.all()
        if group.pk
        in meeting.access.documents_collection.view_restrictions.values_list("groups", flat=True)
    ]

    guest.groups.remove(*meeting_groups)

    assert meeting_groups
    assert "Walrus notes" not in found(client, guest, "walruses")


def test_a_draft_responses_document_is_found_by_another_state_at_once_when_submitted_in_bulk(
    client, library, focal_point, other_focal_point, django_capture_on_commit_callbacks
):
    """A response's status may change by a bulk update, which no signal announces: its
    documents' verdicts are never kept (`access_sql.in_sql(read_at_every_use=True)`)."""
    draft = Response.objects.get(request=library["request"], member_state__code="FR")
    with django_capture_on_commit_callbacks(execute=True):
        document = network_document("Annexe FR", "Annexe sur les morses")
        ResponseAttachment.objects.create(response=draft, document=document)
    assert "Annexe FR" not in found(client, other_focal_point, "morses")

    Response.objects.filter(pk=draft.pk).update(status=Response.Status.SUBMITTED)
    assert "Annexe FR" in found(client, other_focal_point, "morses")

    Response.objects.filter(pk=draft.pk).update(status=Response.Status.DRAFT)
    assert "Annexe FR" not in found(client, other_focal_point, "morses")


def test_the_responses_owner_rule_in_sql_refuses_the_documents_of_the_responses_not_read(
    library, focal_point, other_focal_point, dmr_user, guest, outsider
):
    """`responses_in_sql` (each attachment joined to its response) refuses exactly the
    documents of the responses `rules.may_read` refuses, for every kind of reader."""
    for code in ("DE", "FR", "IT"):
        response = Response.objects.get(request=library["request"], member_state__code=code)
        document = network_document(f"Annexe {code}", "Annexe sur les morses")
        ResponseAttachment.objects.create(response=response, document=document)
    attachments = list(ResponseAttachment.objects.select_related("response__member_state"))
    assert {attachment.response.status for attachment in attachments} == {
        Response.Status.SUBMITTED,
        Response.Status.DRAFT,
    }
    for user in (focal_point, other_focal_point, dmr_user, guest, outsider):
        _, refused = document_access.responses_in_sql(user, None)
        expected = {
            attachment.document_id
            for attachment in attachments
            if not rules.may_read(user, attachment.response)
        }
        assert set(refused.values_list("document_id", flat=True)) == expected, user


def test_the_documents_are_decided_once_for_a_readers_searches_until_something_changes(
    client, focal_point, item_annex, django_capture_on_commit_callbacks
):
    sign_in(client, focal_point)
    url = search_url(q="walrus")
    client.get(url)  # the per-process caches (locales, sections, restricted roots) fill once
    document_cache.start_new_generation()
    decided = count_queries(client, url)
    kept = count_queries(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        network_document("Another annex", "Nothing about it")
    decided_again = count_queries(client, url)

    assert kept < decided
    assert decided_again == decided


def test_a_change_committed_while_a_search_reads_leaves_nothing_stale(
    django_capture_on_commit_callbacks,
):
    """A search that read the documents before a change committed keeps them under a
    generation that the commit ends."""
    with django_capture_on_commit_callbacks(execute=True):
        before = document_cache.entry_key("reader")
        document_cache.start_new_generation()
        during = document_cache.entry_key("reader")
    after = document_cache.entry_key("reader")

    assert len({before, during, after}) == 3


def test_deciding_a_readers_documents_again_costs_the_same_for_2_or_12_documents(
    client, library, focal_point, django_capture_on_commit_callbacks
):
    """The queries of a search that decides the reader's documents afresh do not grow with
    the documents either."""
    sign_in(client, focal_point)
    url = search_url(q="walrus")

    def attached(count: int) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            for number in range(count):
                document = network_document(f"Walrus {number}", "Walrus census")
                InformationItemAttachment.objects.create(page=library["item"], document=document)

    attached(2)
    client.get(url)  # the per-process caches (locales, sections, restricted roots) fill once
    document_cache.start_new_generation()
    few = count_queries(client, url)
    attached(10)
    many = count_queries(client, url)

    assert many == few
    assert "12 results" in body_of(client.get(url))


def test_a_document_moved_by_the_admins_bulk_action_is_no_longer_found_by_who_may_not_open_it(
    client, focal_point, item_annex, django_capture_on_commit_callbacks
):
    """Wagtail's "add to collection" moves documents with a bulk update, which no signal
    announces: every bulk action starts a new generation (search/wagtail_hooks.py)."""
    closed = Collection.get_first_root_node().add_child(name="Walrus keepers' files")
    restriction = CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Walrus keepers"))
    assert "Walrus annex" in found(client, focal_point, "walrus")
    superuser = get_user_model().objects.create_superuser("bulk", "bulk@example.org", "x" * 16)
    client.logout()
    sign_in(client, superuser)
    url = reverse("wagtail_bulk_action", args=("wagtaildocs", "document", "add_to_collection"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url}?id={item_annex.pk}", {"collection": closed.pk})

    assert response.status_code in (200, 302)
    item_annex.refresh_from_db()
    assert item_annex.collection_id == closed.pk
    assert "Walrus annex" not in found(client, focal_point, "walrus")
