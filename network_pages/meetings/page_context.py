"""What a meeting page shows its reader, in a fixed number of queries whatever the size of
the agenda, the documents or the suggestions.

Who may open the page at all was decided before (the network area's `before_serve_page`
hook and the meeting's own restriction). Here: members see the suggestions (4.4), invited
people answer for attendance, Focal Points suggest while the agenda is a draft.
"""

from django.apps import apps
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from wagtail.models import Collection

from network_pages import access
from network_pages.community.comments import listing
from network_pages.meetings import agenda, attendance, participants
from network_pages.meetings.documents import ListedDocument, readable_documents, rows_html
from network_pages.meetings.forms import AgendaSuggestionForm, AttendanceForm
from network_pages.meetings.models.agenda_item import AgendaItem
from network_pages.meetings.models.agenda_suggestion import AgendaSuggestion
from network_pages.meetings.models.attendance import Attendance
from network_pages.meetings.models.convocation import Convocation
from network_pages.meetings.models.meeting_document import MeetingDocument
from network_pages.network_area import source_id
from nfp_site.prepared_sql import prepared_objects, prepared_rows


def _reader_facts_query(meetings: type, pk: int, user_id: int | None) -> QuerySet:
    """`reader_facts`' query, for the signed-in user `user_id` (None: anonymous)."""
    convocations = Convocation.objects.filter(meeting_id=OuterRef("pk")).order_by("sequence")
    answers = Attendance.objects.filter(meeting_id=OuterRef("pk"), user_id=user_id).order_by()
    listed = meetings.invited_members.through.objects.filter(
        meetingpage_id=OuterRef("pk"), memberprofile__user_id=user_id
    )
    return meetings.objects.filter(pk=pk).annotate(
        nfp_first_convocation=Subquery(convocations.values("pk")[:1]),
        nfp_first_convocation_late=Subquery(convocations.values("is_late")[:1]),
        nfp_listed=Exists(listed),
        nfp_answer=Subquery(answers.values("pk")[:1]),
        nfp_answer_response=Subquery(answers.values("response")[:1]),
        nfp_answer_updated=Subquery(answers.values("updated_at")[:1]),
        nfp_has_suggestions=Exists(AgendaSuggestion.objects.filter(meeting_id=OuterRef("pk"))),
        **{
            f"nfp_has_{name}": Exists(
                apps.get_model("decisions", model).objects.filter(meeting_id=OuterRef("pk"))
            )
            for name, model in (("decisions", "Decision"), ("actions", "ActionPoint"))
        },
        **listing.facts_annotations(user_id),
    )


def reader_facts(page, user):
    """The meeting's source (the page itself, or what an alias shows), read with what the
    page says to this reader, in one query: its first convocation if it was late, whether
    the reader is on its list of invited members, their attendance answer, and the comment
    block's counts (`listing.facts_annotations`); and whether it has suggestions, decisions
    and action points at all, so that a meeting without them reads none. An alias keeps it
    as its source."""
    meetings = type(page)  # MeetingPage (its module imports this one)
    if user.is_authenticated:
        # Every meeting page asks it: its SQL is compiled once per process (`prepared_sql`).
        found = prepared_objects(
            f"meetings.reader_facts:{meetings._meta.label}",
            lambda pk, user_id: _reader_facts_query(meetings, pk, user_id),
            source_id(page),
            user.pk,
        )
        if not found:
            raise meetings.DoesNotExist(f"{meetings.__name__} matching query does not exist.")
        source = found[0]
    else:
        source = _reader_facts_query(meetings, source_id(page), None).get()
    if page.alias_of_id:
        page._nfp_source = source  # `network_area.source_of` reads it from there
    listing.keep_facts(page, source)
    # For the outcome's template tag (decisions_tags.meeting_outcome).
    page._nfp_outcome_exists = (source.nfp_has_decisions, source.nfp_has_actions)
    return source


def _documents_of(meeting_id: int) -> QuerySet:
    return MeetingDocument.objects.filter(meeting_id=meeting_id).values_list(
        "document_id",
        "document__collection_id",
        "document__collection__path",
        "document__file",
        "title",
        "document__title",
    )


def _meeting_documents(page) -> list[ListedDocument]:
    """`page.meeting_documents` with their files and collections, in their order: read from
    the database as rows, their SQL compiled once per process (prepared_sql), each
    collection made once. A preview's come from its revision, as modelcluster keeps them."""
    if page.pk is None or "meeting_documents" in getattr(page, "_cluster_related_objects", {}):
        items = page.meeting_documents.all().select_related("document__collection")
        return [ListedDocument.of(item) for item in items]
    collections: dict[int, Collection] = {}
    listed = []
    rows = prepared_rows("meetings.documents", _documents_of, page.pk)
    for document_id, collection_id, path, file_name, title, document_title in rows:
        if collection_id not in collections:
            collections[collection_id] = Collection.from_db(
                None, ["id", "path"], [collection_id, path]
            )
        listed.append(
            ListedDocument(
                document_id, collections[collection_id], file_name, title or document_title
            )
        )
    return listed


def _agenda_of(meeting_id: int) -> QuerySet:
    return AgendaItem.objects.filter(meeting_id=meeting_id).select_related("suggested_by_state")


def _agenda_items(page) -> list[AgendaItem]:
    """`page.agenda_items` with the states that suggested them, as `_meeting_documents`."""
    if page.pk is None or "agenda_items" in getattr(page, "_cluster_related_objects", {}):
        return list(page.agenda_items.all().select_related("suggested_by_state"))
    return prepared_objects("meetings.agenda_items", _agenda_of, page.pk)


def _suggestions_of(meeting_id: int) -> QuerySet:
    return AgendaSuggestion.objects.filter(meeting_id=meeting_id).select_related("member_state")


def meeting_page_context(page, request: HttpRequest) -> dict:
    user = request.user
    context = {
        "agenda_items": _agenda_items(page),
        "meeting_documents": readable_documents(request, _meeting_documents(page)),
        "is_member": access.is_member(user),
        "suggestions": [],
        "late_convocation": None,
        "may_suggest": False,
        "suggestion_refusal": None,
        "is_invited": False,
        "answer": None,
    }
    context["meeting_documents_html"] = rows_html(context["meeting_documents"])
    if page.pk is None:  # previewing a meeting not saved yet
        return context
    source = reader_facts(page, user)
    if source.nfp_first_convocation is not None and source.nfp_first_convocation_late:
        context["late_convocation"] = Convocation.objects.get(pk=source.nfp_first_convocation)
    if context["is_member"] and source.nfp_has_suggestions:
        # Every member's meeting page asks it: its SQL is compiled once per process.
        context["suggestions"] = prepared_objects(
            "meetings.suggestions", _suggestions_of, source.pk
        )
    if context["is_member"]:
        refusal = agenda.suggestion_refusal(user, page)
        context["suggestion_refusal"] = refusal
        context["may_suggest"] = refusal is None
        if context["may_suggest"]:
            context["suggestion_form"] = AgendaSuggestionForm()
    context["is_invited"] = participants.is_invited(user, source, listed=source.nfp_listed)
    if context["is_invited"]:
        answer = None
        if source.nfp_answer is not None:
            answer = Attendance(
                pk=source.nfp_answer,
                meeting=source,
                user_id=user.pk,
                response=source.nfp_answer_response,
                updated_at=source.nfp_answer_updated,
            )
        context["answer"] = answer
        if attendance.is_closed(page):
            context["attendance_refusal"] = str(attendance.CLOSED_MESSAGE)
        context["attendance_form"] = AttendanceForm(
            initial={"response": answer.response} if answer else None
        )
    return context
