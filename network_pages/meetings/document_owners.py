"""The meetings a document belongs to (the owner rule of `access.readable_by_owners`): the
meeting documents listed on a meeting, and documents linked from its minutes."""

import re
from collections.abc import Collection, Iterator

from network_pages import access

from .models import MeetingDocument, MeetingPage

DOCUMENT_LINK = re.compile(r'<a[^>]*\blinktype="document"[^>]*\bid="(\d+)"')


def minutes_links(document_ids: Collection[int]) -> Iterator[tuple[int, MeetingPage]]:
    for meeting in MeetingPage.objects.filter(minutes__contains='linktype="document"'):
        for match in DOCUMENT_LINK.finditer(meeting.minutes):
            if int(match.group(1)) in document_ids:
                yield int(match.group(1)), meeting


def meeting_owners(user, document_ids: Collection[int]) -> Iterator[tuple[int, bool]]:
    verdicts: dict[int, bool] = {}

    def may_read(meeting) -> bool:
        if meeting.pk not in verdicts:
            verdicts[meeting.pk] = access.may_read_attachments_of(user, meeting)
        return verdicts[meeting.pk]

    listed = list(
        MeetingDocument.objects.filter(document_id__in=document_ids).select_related("meeting")
    )
    linked = list(minutes_links(set(document_ids)))
    # One read of the restrictions for all the meetings, however many.
    access.prime_view_restrictions(
        [item.meeting for item in listed] + [meeting for _id, meeting in linked]
    )
    for item in listed:
        yield item.document_id, may_read(item.meeting)
    for document_id, meeting in linked:
        yield document_id, may_read(meeting)
