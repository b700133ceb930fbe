"""Where a document is shown: the page a document's search hit links to, besides its download.

Only the link: who may read the document is its owner rule (`access.readable_by_owners`),
asked again at every search (`readers.readable_document_ids`). Another app's attachments
(a document library) are found by the same rule through `access.DOCUMENT_OWNERS_HOOK`; to
give their hits a page too, that app registers a function under `DOCUMENT_PLACES_HOOK`,
called as `places(document_ids)` and yielding `Place`s (one query for all the ids: the
whole index is rebuilt through it). A place that is not a Wagtail page names its view
(`view_name`, `view_pk`: reversed in the reader's language when the hit is shown), and
may name the meeting or group page it belongs to (`page_id`), for the search's filters.
"""

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from wagtail import hooks

from network_pages.community.models import UpdateDocument
from network_pages.information.models.item_page import InformationItemAttachment
from network_pages.information.models.response import ResponseAttachment
from network_pages.meetings.document_owners import minutes_links
from network_pages.meetings.models import MeetingDocument

DOCUMENT_PLACES_HOOK = "nfp_document_places"


@dataclass(frozen=True)
class Place:
    document_id: int
    page_id: int | None
    anchor: str = ""
    member_state_id: int | None = None
    is_alias: bool = False
    view_name: str = ""
    view_pk: int | None = None


def known_places(document_ids: Collection[int]) -> Iterator[Place]:
    for attachment in ResponseAttachment.objects.filter(
        document_id__in=document_ids
    ).select_related("response__member_state"):
        response = attachment.response
        yield Place(
            attachment.document_id,
            response.request_id,
            f"responses/{response.member_state.code}/",
            response.member_state_id,
        )
    for attachment in InformationItemAttachment.objects.filter(
        document_id__in=document_ids
    ).select_related("page"):
        page = attachment.page
        yield Place(
            attachment.document_id, page.pk, "", page.member_state_id, bool(page.alias_of_id)
        )
    for item in MeetingDocument.objects.filter(document_id__in=document_ids).select_related(
        "meeting"
    ):
        yield Place(item.document_id, item.meeting_id, is_alias=bool(item.meeting.alias_of_id))
    for document_id, meeting in minutes_links(set(document_ids)):
        yield Place(document_id, meeting.pk, is_alias=bool(meeting.alias_of_id))
    for link in UpdateDocument.objects.filter(document_id__in=document_ids).select_related(
        "update"
    ):
        yield Place(link.document_id, link.update_id, is_alias=bool(link.update.alias_of_id))


def place_of(document_id: int) -> Place | None:
    """The first place the document is shown in, a page of its own before an alias."""
    places = list(known_places({document_id}))
    for other in hooks.get_hooks(DOCUMENT_PLACES_HOOK):
        places.extend(other({document_id}))
    places.sort(key=lambda place: place.is_alias)
    return places[0] if places else None
