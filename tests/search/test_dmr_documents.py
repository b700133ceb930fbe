"""The DMR may download every document no collection closes to them: their search then asks
an entry's document to be any document, not one of a list of all of them
(`readers._readable_documents`, `Decided.every_document`)."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from network_pages.information.models import InformationItemAttachment
from network_pages.network_area import ensure_network_collection
from network_pages.search import readers
from network_pages.search.models import SearchEntry
from tests.conftest import sign_in

from .conftest import body_of, search_url

pytestmark = pytest.mark.django_db


def attached_document(item, title: str, text: str, collection=None):
    document = get_document_model()(
        title=title, collection=collection or ensure_network_collection()
    )
    document.file.save("note.txt", ContentFile(text.encode()), save=False)
    document.save()
    InformationItemAttachment.objects.create(page=item, document=document)
    return document


def found(client, user, words: str) -> str:
    client.logout()
    return body_of(sign_in(client, user).get(search_url(q=words)))


def documents_sql(user) -> str:
    user.is_verified = lambda: True  # as the OTP middleware says of a verified request's user
    condition = readers.readable_condition(user, arrays=True)
    return str(SearchEntry.objects.filter(condition).query)


@pytest.fixture
def closed_collection():
    """A collection restricted to a group the DMR is not in."""
    closed = Collection.get_first_root_node().add_child(name="Walrus keepers' files")
    restriction = CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Walrus keepers"))
    return closed


def test_the_dmr_finds_the_networks_documents_without_a_list_of_every_document(
    client, library, dmr_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attached_document(library["item"], "Walrus annex", "Walrus census")

    assert readers.decide(dmr_user).every_document
    assert "wagtaildocs_document" not in documents_sql(dmr_user)
    assert "Walrus annex" in found(client, dmr_user, "walrus")


def test_a_focal_point_never_reads_every_document(library, focal_point):
    assert not readers.decide(focal_point).every_document


def test_a_collection_closed_to_the_dmr_keeps_its_documents_out_of_their_search(
    client, library, dmr_user, closed_collection, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attached_document(library["item"], "Walrus annex", "Walrus census")
        attached_document(library["item"], "Keepers' ledger", "Walrus ledger", closed_collection)

    page = found(client, dmr_user, "walrus")

    assert not readers.decide(dmr_user).every_document
    assert "wagtaildocs_document" in documents_sql(dmr_user)
    assert "Walrus annex" in page
    assert "Keepers&#x27; ledger" not in page and "Keepers' ledger" not in page


def test_the_dmr_finds_a_closed_collections_documents_once_it_opens_to_them(
    client, library, dmr_user, closed_collection, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        attached_document(library["item"], "Keepers' ledger", "Walrus ledger", closed_collection)
    assert "ledger" not in found(client, dmr_user, "walrus").lower()

    CollectionViewRestriction.objects.filter(collection=closed_collection).delete()

    assert "ledger" in found(client, dmr_user, "walrus").lower()
    assert readers.decide(dmr_user).every_document
