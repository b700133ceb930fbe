"""The meetings a document belongs to (the owner rule of `access.readable_by_owners`): the
meeting documents listed on a meeting, and documents linked from its minutes."""

import re
from collections.abc import Collection, Iterable, Iterator

from django.db import connection
from django.db.models import CharField, F, Func, Q, Value
from django.db.models.functions import Cast
from wagtail.models import Page

from network_pages import access, access_sql
from nfp_site.prepared_sql import AnyOf

from .models import MeetingDocument, MeetingPage

DOCUMENT_LINK = re.compile(r'<a[^>]*\blinktype="document"[^>]*\bid="(\d+)"')
# Beyond this many documents, the minutes are not narrowed by each document's id.
NARROWED_UP_TO = 50


def minutes_linking(document_ids: Collection[int]):
    """The meetings whose minutes may link to one of the documents (every one that does).

    Narrowed by one pattern naming the ids (`id="12"` or `id="13"` ...), not one LIKE per
    id: a meeting's 40 documents made a query Django took longer to write than to run."""
    meetings = MeetingPage.objects.filter(minutes__contains='linktype="document"')
    if not document_ids:
        return meetings.filter(pk__in=[])
    if connection.vendor == "postgresql":
        return meetings.filter(minutes__regex=_IdsPattern(list(document_ids)))
    if len(document_ids) <= NARROWED_UP_TO:
        meetings = meetings.filter(minutes__regex=_link_to_any_of(document_ids))
    return meetings


class _IdsPattern(Func):
    """`_link_to_any_of` in PostgreSQL: the pattern written by the database from the ids,
    all of them one array parameter, so that the probe is the same SQL for any number of
    documents (`prepared_array`: a meeting's ~40 documents were ~40 parameters of each of
    the owner rule's probes, parsed again by psycopg at every request, issue 17)."""

    output_field = CharField()

    def __init__(self, document_ids: list) -> None:
        super().__init__()
        self.document_ids = document_ids

    def as_sql(self, compiler, connection, **extra_context):
        return """('id="(' || array_to_string(%s::integer[], '|') || ')"')""", [self.document_ids]


def _link_to_any_of(document_ids: Collection[int]) -> Func:
    """The pattern `id="(12|13|...)"`, written by the database from the ids, each its own
    parameter: the query is the same for any documents of that number, so that every
    meeting page's probe of this hook is compiled once per process (`prepared_sql` leaves
    alone a query with ids written into a text). The order of the ids does not matter."""
    parts: list = [Value('id="(')]
    for number, pk in enumerate(document_ids):
        if number:
            parts.append(Value("|"))
        parts.append(Cast(Value(int(pk)), CharField()))
    parts.append(Value(')"'))
    # One flat `a || b || c`: Concat nests a pair per part, past SQLite's parser depth at 50.
    return Func(*parts, template="(%(expressions)s)", arg_joiner=" || ", output_field=CharField())


def minutes_links(document_ids: Collection[int]) -> Iterator[tuple[int, MeetingPage]]:
    for meeting in minutes_linking(document_ids):
        for match in DOCUMENT_LINK.finditer(meeting.minutes):
            if int(match.group(1)) in document_ids:
                yield int(match.group(1)), meeting


def _verdicts(user, attachments: list[tuple[int, Page]]) -> Iterator[tuple[int, bool]]:
    # One read of the restrictions for all the meetings, however many.
    access.prime_view_restrictions([meeting for _id, meeting in attachments])
    verdicts: dict[int, bool] = {}
    for document_id, meeting in attachments:
        if meeting.pk not in verdicts:
            verdicts[meeting.pk] = access.may_read_attachments_of(user, meeting)
        yield document_id, verdicts[meeting.pk]


def _listed(document_ids: Collection[int]):
    # The ids one array parameter in PostgreSQL (`access.readable_by_owners`).
    return MeetingDocument.objects.filter(AnyOf(F("document_id"), document_ids))


def _readable_meetings(user, pages: access_sql.PageRule, prefix: str) -> Q:
    """`access.may_read_attachments_of` a meeting, as a condition."""
    readable = pages.condition(prefix)
    return readable if access.is_dmr(user) else readable & Q(**{f"{prefix}live": True})


def listed_in_sql(user, pages: access_sql.PageRule):
    listed = MeetingDocument.objects.values("document_id")
    readable = listed.filter(_readable_meetings(user, pages, "meeting__")).values("pk")
    return listed, listed.exclude(pk__in=readable)


def minutes_in_sql(user, pages: access_sql.PageRule):
    """The documents linked from minutes are read from the minutes' text (a few meetings
    link documents): the lists are small."""
    linking = MeetingPage.objects.filter(minutes__contains='linktype="document"')
    links = [
        (int(match.group(1)), meeting)
        for meeting in linking.only("pk", "path", "live", "alias_of_id", "minutes")
        for match in DOCUMENT_LINK.finditer(meeting.minutes)
    ]
    verdicts = list(_verdicts(user, links))
    return [pk for pk, _may in verdicts], [pk for pk, may in verdicts if not may]


def _listed_with_meetings(document_ids: Collection[int]):
    """As values, what `_verdicts` reads of each meeting (where it is, whether it is live):
    a meeting lists ~40 documents, each row a page made from its columns (~0.1 ms) when read
    as objects."""
    return _listed(document_ids).values_list(
        "document_id", "meeting_id", "meeting__path", "meeting__live", "meeting__alias_of_id"
    )


def _listed_verdicts(user, listed: Iterable[tuple]) -> Iterator[tuple[int, bool]]:
    """`listed`: rows of `_listed_with_meetings`. One page per meeting, made of its columns."""
    meetings: dict[int, Page] = {}
    attachments = []
    for document_id, meeting_id, *columns in listed:
        if meeting_id not in meetings:
            meetings[meeting_id] = Page.from_db(
                None, ["id", "path", "live", "alias_of_id"], [meeting_id, *columns]
            )
        attachments.append((document_id, meetings[meeting_id]))
    yield from _verdicts(user, attachments)


@access_sql.in_sql(listed_in_sql)
@access.attached_by(_listed, read=(_listed_with_meetings, _listed_verdicts))
def listed_owners(user, document_ids: Collection[int]) -> Iterator[tuple[int, bool]]:
    """The meetings that list the documents."""
    yield from _listed_verdicts(user, _listed_with_meetings(document_ids))


@access_sql.in_sql(minutes_in_sql)
@access.attached_by(minutes_linking)
def minutes_owners(user, document_ids: Collection[int]) -> Iterator[tuple[int, bool]]:
    """The meetings whose minutes link to the documents."""
    yield from _verdicts(user, list(minutes_links(set(document_ids))))


def meeting_owners(user, document_ids: Collection[int]) -> Iterator[tuple[int, bool]]:
    """Both: the meetings a document belongs to."""
    yield from listed_owners(user, document_ids)
    yield from minutes_owners(user, document_ids)
