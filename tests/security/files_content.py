"""Confidential files of the marked site: documents in restricted collections (served only
through the access rule) and an image, whose stored files must never be reachable by path."""

from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from network_pages.community import thematic_groups
from network_pages.community.models import UpdateDocument
from network_pages.information.models import InformationItemAttachment, ResponseAttachment
from network_pages.meetings import participants
from network_pages.meetings.models import MeetingDocument
from network_pages.network_area import ensure_network_collection

from .expectations import Outcome, for_everyone, restricted_to
from .marked_site import MarkedSite
from .network_content import FRANCE_AND_DMR, GROUP_MEMBERS, MEETING_A
from .roles import MEMBERS, NOBODY, Role

DMR_ONLY = frozenset({Role.DMR})


def document_in(collection, filename: str, text: str):
    document = get_document_model()(title=filename, collection=collection)
    document.file.save(filename, ContentFile(text.encode()), save=False)
    document.save()
    return document


def build_files(site: MarkedSite) -> None:
    """Files follow their owner (access.readable_by_owners): each document is attached to
    something, and read by exactly those who may read that thing."""
    meeting_a = site.things["meeting_a"]
    network = ensure_network_collection()
    for name, collection, readers in (
        ("network-notes.txt", network, MEMBERS),
        ("meeting-a-notes.txt", participants.documents_collection_of(meeting_a), MEETING_A),
        (
            "workspace-notes.txt",
            thematic_groups.workspace_collection(site.things["private_group"]),
            GROUP_MEMBERS,
        ),
        ("french-draft-annex.txt", network, FRANCE_AND_DMR),
        ("attached-to-nothing.txt", network, DMR_ONLY),
    ):
        text = site.mark(f"document {name}", readers)
        document = document_in(collection, name, text)
        site.probe(document.url, restricted_to(readers), text)
        # The web server never serves media/documents/ (DESIGN.md); nor does Django.
        probe_stored_file(site, document.file.name)
        site.things[f"document {name}"] = document
    attach = site.things
    InformationItemAttachment.objects.create(
        page=attach["item"], document=attach["document network-notes.txt"]
    )
    MeetingDocument.objects.create(
        meeting=meeting_a, document=attach["document meeting-a-notes.txt"], sort_order=0
    )
    UpdateDocument.objects.create(
        update=attach["workspace_update"], document=attach["document workspace-notes.txt"]
    )
    ResponseAttachment.objects.create(
        response=attach["french_draft_response"],
        document=attach["document french-draft-annex.txt"],
    )
    # A document anyone may not know exists answers like one they may not read.
    probe_missing_document(site)

    # Images have no privacy: confidential files are documents. An image in the network's
    # collection must at least not be reachable by the path of its file.
    site.mark("image title", NOBODY)
    image = get_image_model().objects.create(
        title=site.markers[-1].text,
        collection=ensure_network_collection(),
        file=get_test_image_file(filename="network-photo.png"),
    )
    probe_stored_file(site, image.file.name)
    site.things["image"] = image


def probe_stored_file(site: MarkedSite, name: str) -> None:
    for prefix in ("", "/en"):
        site.probe(
            f"{prefix}{settings.MEDIA_URL}{name}", for_everyone(Outcome.NOT_FOUND), restricted=False
        )


def probe_missing_document(site: MarkedSite) -> None:
    """Issue 13, 11: a document id that does not exist answers what a restricted one does
    to everyone who may not read the network's documents (no existence oracle)."""
    site.probe(
        "/documents/999999/no-such-file.txt",
        restricted_to(
            MEMBERS, **dict.fromkeys(("focal_point", "other_state", "dmr"), Outcome.NOT_FOUND)
        ),
    )
