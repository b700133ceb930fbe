"""Confidential files of the marked site: documents in restricted collections (served only
through the access rule) and an image, whose stored files must never be reachable by path."""

from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from network_pages.community import thematic_groups
from network_pages.meetings import participants
from network_pages.meetings.models import MeetingDocument
from network_pages.network_area import ensure_network_collection

from .expectations import Outcome, for_everyone, restricted_to
from .marked_site import MarkedSite
from .network_content import GROUP_MEMBERS, MEETING_A
from .roles import MEMBERS, NOBODY


def document_in(collection, filename: str, text: str):
    document = get_document_model()(title=filename, collection=collection)
    document.file.save(filename, ContentFile(text.encode()), save=False)
    document.save()
    return document


def build_files(site: MarkedSite) -> None:
    meeting_a = site.things["meeting_a"]
    for name, collection, readers in (
        ("network-notes.txt", ensure_network_collection(), MEMBERS),
        ("meeting-a-notes.txt", participants.documents_collection_of(meeting_a), MEETING_A),
        (
            "workspace-notes.txt",
            thematic_groups.workspace_collection(site.things["private_group"]),
            GROUP_MEMBERS,
        ),
    ):
        text = site.mark(f"document {name}", readers)
        document = document_in(collection, name, text)
        site.probe(document.url, restricted_to(readers), text)
        # The web server never serves media/documents/ (DESIGN.md); nor does Django.
        probe_stored_file(site, document.file.name)
        site.things[f"document {name}"] = document
    MeetingDocument.objects.create(
        meeting=meeting_a, document=site.things["document meeting-a-notes.txt"], sort_order=0
    )

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
