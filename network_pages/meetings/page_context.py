"""What a meeting page shows its reader, in a fixed number of queries whatever the size of
the agenda, the documents or the suggestions.

Who may open the page at all was decided before (the network area's `before_serve_page`
hook and the meeting's own restriction). Here: members see the suggestions (4.4), invited
people answer for attendance, Focal Points suggest while the agenda is a draft.
"""

from django.http import HttpRequest

from network_pages import access
from network_pages.meetings import agenda, attendance, convocation, participants
from network_pages.meetings.documents import readable_documents
from network_pages.meetings.forms import AgendaSuggestionForm, AttendanceForm
from network_pages.meetings.models.agenda_suggestion import AgendaSuggestion
from network_pages.network_area import source_of


def meeting_page_context(page, request: HttpRequest) -> dict:
    user = request.user
    context = {
        "agenda_items": list(page.agenda_items.all().select_related("suggested_by_state")),
        "meeting_documents": readable_documents(
            request, page.meeting_documents.all().select_related("document__collection")
        ),
        "is_member": access.is_member(user),
        "suggestions": [],
        "late_convocation": None,
        "may_suggest": False,
        "suggestion_refusal": None,
        "is_invited": False,
        "answer": None,
    }
    if page.pk is None:  # previewing a meeting not saved yet
        return context
    source = source_of(page)
    context["late_convocation"] = convocation.first_late_convocation(source)
    if context["is_member"]:
        context["suggestions"] = list(
            AgendaSuggestion.objects.filter(meeting_id=source.pk).select_related("member_state")
        )
        refusal = agenda.suggestion_refusal(user, page)
        context["suggestion_refusal"] = refusal
        context["may_suggest"] = refusal is None
        if context["may_suggest"]:
            context["suggestion_form"] = AgendaSuggestionForm()
    # The source, read once above: each of these would read it again from an alias.
    context["is_invited"] = participants.is_invited(user, source)
    if context["is_invited"]:
        answer = attendance.answer_of(user, source)
        context["answer"] = answer
        if attendance.is_closed(page):
            context["attendance_refusal"] = str(attendance.CLOSED_MESSAGE)
        context["attendance_form"] = AttendanceForm(
            initial={"response": answer.response} if answer else None
        )
    return context
