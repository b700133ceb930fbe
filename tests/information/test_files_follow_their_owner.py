"""Issue 13, 1: files follow their owner. A document is read by exactly those who may read
every thing it is attached to; attached to nothing, it is the DMR's alone. A document a
state removes from its response is deleted; one removed from a page goes to "Removed
documents", which only the DMR reads."""

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model

from network_pages import access
from network_pages.attachments import REMOVED_COLLECTION
from network_pages.information.factories import make_item, make_response
from network_pages.information.models import (
    InformationItemAttachment,
    Response,
    ResponseAttachment,
)
from network_pages.models import MemberState
from network_pages.network_area import ensure_network_collection
from tests.conftest import sign_in

from .conftest import body_of, request_url

pytestmark = pytest.mark.django_db


def network_document(text: str = "MARKER-annex"):
    document = get_document_model()(title="Annex", collection=ensure_network_collection())
    document.file.save("annex.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


def test_a_document_removed_from_a_draft_response_is_deleted(
    client, open_request, focal_point, other_focal_point, django_capture_on_commit_callbacks
):
    url = request_url(open_request, "response/")
    upload = SimpleUploadedFile("entwurf.pdf", b"%PDF-1.4 draft", "application/pdf")
    sign_in(client, other_focal_point).post(
        url, {"version": "0", "language": "en", "save": "1", "new_attachments": upload}
    )
    attachment = Response.objects.get().attachments.get()
    document_url = attachment.document.url

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "version": "1",
                "language": "en",
                "save": "1",
                "remove_attachments": [str(attachment.pk)],
            },
        )
    client.logout()
    fetched = sign_in(client, focal_point).get(document_url)

    assert not get_document_model().objects.filter(pk=attachment.document_id).exists()
    assert fetched.status_code == 404
    assert "%PDF-1.4 draft" not in body_of(fetched)


def test_a_deleted_response_documents_file_leaves_storage_without_an_error(
    client, open_request, other_focal_point, django_capture_on_commit_callbacks, caplog
):
    url = request_url(open_request, "response/")
    upload = SimpleUploadedFile("entwurf.pdf", b"%PDF-1.4 draft", "application/pdf")
    sign_in(client, other_focal_point).post(
        url, {"version": "0", "language": "en", "save": "1", "new_attachments": upload}
    )
    attachment = Response.objects.get().attachments.get()
    storage, name = attachment.document.file.storage, attachment.document.file.name
    assert storage.exists(name)

    with caplog.at_level("ERROR"), django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "version": "1",
                "language": "en",
                "save": "1",
                "remove_attachments": [str(attachment.pk)],
            },
        )

    assert not storage.exists(name)
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


def test_a_document_removed_from_a_published_item_is_the_dmrs_alone(
    client, item_index, focal_point, dmr_user, django_capture_on_commit_callbacks
):
    item = make_item(item_index, member_state=MemberState.objects.get(code="DE"))
    document = network_document()
    attachment = InformationItemAttachment.objects.create(page=item, document=document)
    before = sign_in(client, focal_point).get(document.url)
    assert (before.status_code, body_of(before)) == (200, "MARKER-annex")

    with django_capture_on_commit_callbacks(execute=True):
        attachment.delete()
    document.refresh_from_db()
    refused = client.get(document.url)
    client.logout()

    assert document.collection.name == REMOVED_COLLECTION
    assert refused.status_code == 403
    assert "MARKER-annex" not in body_of(refused)
    allowed = sign_in(client, dmr_user).get(document.url)
    assert (allowed.status_code, body_of(allowed)) == (200, "MARKER-annex")


def test_a_document_attached_again_leaves_the_removed_documents(
    item_index, focal_point, django_capture_on_commit_callbacks
):
    item = make_item(item_index, member_state=MemberState.objects.get(code="DE"))
    document = network_document()
    with django_capture_on_commit_callbacks(execute=True):
        InformationItemAttachment.objects.create(page=item, document=document).delete()

    InformationItemAttachment.objects.create(page=item, document=document)
    document.refresh_from_db()

    assert document.collection == ensure_network_collection()
    assert access.document_verdict_for_user(focal_point, document, verified=True) is (
        access.Verdict.ALLOW
    )


def test_a_document_attached_to_nothing_is_the_dmrs_alone(focal_point, approver, dmr_user):
    document = network_document()

    readers = {
        user.username
        for user in (focal_point, approver, dmr_user)
        if access.document_verdict_for_user(user, document, verified=True) is access.Verdict.ALLOW
    }

    assert readers == {dmr_user.username}


# --- Property: any sequence of attaching and removing -----------------------------------


@dataclass
class Owners:
    """Things a document can be attached to, and who may read each."""

    submitted_response: Response  # every member
    draft_response: Response  # Germany and the DMR
    live_item: object  # every member
    pending_item: object  # Germany and the DMR


@pytest.fixture
def owners(open_request, item_index, other_focal_point) -> Owners:
    germany = MemberState.objects.get(code="DE")
    return Owners(
        submitted_response=make_response(open_request, "FR", submitted_by=None),
        draft_response=make_response(open_request, "DE", status=Response.Status.DRAFT),
        live_item=make_item(item_index, title="Published", member_state=germany),
        pending_item=make_item(item_index, title="Pending", member_state=germany, live=False),
    )


OWNER_NAMES = ("submitted_response", "draft_response", "live_item", "pending_item")
ALL_MEMBERS = frozenset({"fp_fr", "fp_de", "dmr"})
READERS = {
    "submitted_response": ALL_MEMBERS,
    "draft_response": frozenset({"fp_de", "dmr"}),
    "live_item": ALL_MEMBERS,
    "pending_item": frozenset({"fp_de", "dmr"}),
}
steps = st.lists(st.tuples(st.sampled_from(("attach", "remove")), st.sampled_from(OWNER_NAMES)))


def attach(owners: Owners, name: str, document) -> None:
    owner = getattr(owners, name)
    if name.endswith("response"):
        ResponseAttachment.objects.get_or_create(response=owner, document=document)
    else:
        InformationItemAttachment.objects.get_or_create(page=owner, document=document)


def remove(owners: Owners, name: str, document) -> None:
    owner = getattr(owners, name)
    if name.endswith("response"):
        ResponseAttachment.objects.filter(response=owner, document=document).delete()
    else:
        InformationItemAttachment.objects.filter(page=owner, document=document).delete()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sequence=steps)
def test_no_sequence_of_attaching_and_removing_lets_a_file_reach_who_may_not_read_its_owner(
    owners, focal_point, other_focal_point, dmr_user, django_capture_on_commit_callbacks, sequence
):
    users = {"fp_fr": focal_point, "fp_de": other_focal_point, "dmr": dmr_user}
    with transaction.atomic():
        document = network_document()
        attached: set[str] = set()
        for action, name in sequence:
            with django_capture_on_commit_callbacks(execute=True):
                (attach if action == "attach" else remove)(owners, name, document)
            attached = attached | {name} if action == "attach" else attached - {name}
            document = get_document_model().objects.filter(pk=document.pk).first()
            if document is None:
                # A response's document removed from everything is gone for everyone.
                assert not attached
                break
            expected = (
                frozenset.intersection(*(READERS[owner] for owner in attached))
                if attached
                else frozenset({"dmr"})
            )
            readers = {
                key
                for key, user in users.items()
                if access.document_verdict_for_user(user, document, verified=True)
                is access.Verdict.ALLOW
            }
            assert readers == expected, (sequence, attached)
        transaction.set_rollback(True)
