"""Issue 17: the document and image choosers (and the admin's API and search) narrow their
listings by the one access rule in a fixed number of queries, however many collections
hold the files: the collections' restrictions are read at once, not one collection after
another."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from network_pages import access
from network_pages.network_area import ensure_network_collection

pytestmark = pytest.mark.django_db


def add_collections(count: int) -> None:
    """`count` public collections and as many inside the restricted network collection."""
    root = Collection.get_first_root_node()
    network = ensure_network_collection()
    start = Collection.objects.count()
    for number in range(start, start + count):
        root.add_child(name=f"Public {number}")
        Collection.objects.get(pk=network.pk).add_child(name=f"Restricted {number}")


def verified_request(user):
    request = RequestFactory().get("/admin/documents/chooser/")
    user.is_verified = lambda: True  # what django-otp's middleware says of a verified session
    request.user = user
    return request


def queries_to_list(request, narrow, queryset) -> tuple[int, list]:
    with CaptureQueriesContext(connection) as queries:
        listed = list(narrow(request, queryset))
    return len(queries), listed


@pytest.mark.parametrize(
    ("narrow", "model"),
    [
        (access.readable_documents, get_document_model()),
        (access.readable_images, get_image_model()),
    ],
)
def test_narrowing_a_file_listing_costs_the_same_with_more_collections(
    network, focal_point, narrow, model
):
    request = verified_request(focal_point)
    add_collections(2)
    queries_to_list(request, narrow, model.objects.all())  # what is read once per process
    few, _ = queries_to_list(request, narrow, model.objects.all())

    add_collections(10)
    many, _ = queries_to_list(request, narrow, model.objects.all())

    assert many == few


def test_a_member_lists_public_documents_but_not_a_restricted_one_attached_to_nothing(
    network, focal_point
):
    Document = get_document_model()
    add_collections(3)
    public = Document.objects.create(
        title="Public", collection=Collection.objects.filter(name__startswith="Public ")[0]
    )
    Document.objects.create(
        title="Restricted", collection=Collection.objects.filter(name__startswith="Restricted ")[0]
    )

    _, listed = queries_to_list(
        verified_request(focal_point), access.readable_documents, Document.objects.all()
    )

    assert listed == [public]
