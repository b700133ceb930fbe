"""The meeting page as main built it before its empty forms were written once per process
and its agenda and suggestions read by SQL compiled once (issue 17), kept verbatim to
compare the rendered HTML with (`test_meeting_page_html.py`). Not used by the site."""

# ruff: noqa: E501
import html
from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import HttpRequest
from django.template import engines
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString

from network_pages import access
from network_pages.meetings import agenda, attendance, participants
from network_pages.meetings.forms import AgendaSuggestionForm, AttendanceForm
from network_pages.meetings.models.agenda_suggestion import AgendaSuggestion
from network_pages.meetings.models.attendance import Attendance
from network_pages.meetings.models.convocation import Convocation
from network_pages.meetings.models.meeting_document import MeetingDocument
from network_pages.meetings.page_context import reader_facts
from nfp_site import fragments
from nfp_site.prepared_sql import prepared_objects

# meetings/documents.py and page_context.py before the documents were read as rows
# (`ListedDocument`), verbatim but for the kept rows' key: the rows written the old way are
# kept apart from the new ones, which they would otherwise be compared with.


def _documents_of(meeting_id: int) -> QuerySet:
    return MeetingDocument.objects.filter(meeting_id=meeting_id).select_related(
        "document__collection"
    )


def _meeting_documents(page) -> list[MeetingDocument]:
    """`page.meeting_documents` with their files and collections; read from the database,
    their SQL compiled once per process (prepared_sql). A preview's come from its revision,
    as modelcluster keeps them."""
    if page.pk is None or "meeting_documents" in getattr(page, "_cluster_related_objects", {}):
        return list(page.meeting_documents.all().select_related("document__collection"))
    return prepared_objects("meetings.documents", _documents_of, page.pk)


def readable_documents(request: HttpRequest, meeting_documents: Iterable) -> list:
    """The meeting documents this reader may open, by the one access rule.

    The collection rule runs once per collection (a meeting's documents share one or two),
    on restrictions read in one query for all of them; the owner rule once for all the
    documents.
    """
    meeting_documents = list(meeting_documents)
    collections = {
        item.document.collection.pk: item.document.collection for item in meeting_documents
    }
    restrictions = access.restrictions_by_collection(collections.values())
    verdicts = {
        pk: access.verdict(request, restrictions[pk]) is access.Verdict.ALLOW for pk in collections
    }
    restricted_ids = {pk for pk in collections if restrictions[pk]}
    candidates = [item for item in meeting_documents if verdicts[item.document.collection_id]]
    owned = {
        item.document_id for item in candidates if item.document.collection_id in restricted_ids
    }
    # The models import this module: the owner rule is imported when asked.
    from network_pages.meetings.document_owners import listed_owners

    # Listed on this meeting: the meetings that list them are read first, with the probe of
    # the documents' other owners in the same query.
    readable = access.readable_by_owners(request.user, owned, listed_by=listed_owners)
    return [
        item
        for item in candidates
        if item.document.collection_id not in restricted_ids or item.document_id in readable
    ]


def rows_html(meeting_documents: Iterable) -> SafeString:
    """The documents' list items, as meeting_page.html wrote them in a loop: the same
    markup, written in Python (a meeting lists ~40 documents, four lookups each through the
    template engine). Every value is plain text, escaped as the template escaped it
    (Django's `escape` is the standard library's `html.escape`, quotes included).

    Each item is kept for the process (`fragments.kept_row`) under what it is written from:
    the document's id and file name (its address, a URL reversal, and its extension, under
    this script prefix and URLconf) and the title shown (issue 17)."""
    prefix, urlconf = get_script_prefix(), get_urlconf()
    return SafeString(
        "".join(
            fragments.kept_row(
                (
                    "meetings.document_row.before",
                    prefix,
                    urlconf,
                    item.document.pk,
                    item.document.file.name,
                    item.display_title,
                ),
                lambda item=item: _row(item),
            )
            for item in meeting_documents
        )
    )


def _row(item) -> str:
    return (
        f'<li><a href="{html.escape(item.document.url)}">'
        f"{html.escape(item.display_title)}</a>"
        f" ({html.escape(item.document.file_extension.upper())})</li>"
    )


# page_context.meeting_page_context
def meeting_page_context(page, request: HttpRequest) -> dict:
    user = request.user
    context = {
        "agenda_items": list(page.agenda_items.all().select_related("suggested_by_state")),
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
        context["suggestions"] = list(
            AgendaSuggestion.objects.filter(meeting_id=source.pk).select_related("member_state")
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


# meetings/meeting_page.html
TEMPLATE = """\
{% extends "base.html" %}
{% load community_tags i18n static wagtailcore_tags wagtailroutablepage_tags meeting_when %}
{% block body_class %}template-meeting{% endblock %}
{% block extra_head %}<link rel="stylesheet" href="{% static 'community/community.css' %}">{% endblock %}
{% block content %}
<h1>{{ page.title }}</h1>
<p class="meeting-kind">{{ page.get_kind_display }}{% if page.partner %} — {% blocktranslate with partner=page.partner %}with {{ partner }}{% endblocktranslate %}{% endif %}
    · <span class="meeting-status">{% translate "Status:" %} {{ page.get_status_display }}</span></p>

{% if late_convocation %}
<div class="notice" role="note">
    <p><strong>{% translate "Late convocation" %}</strong>:
    {% blocktranslate trimmed with sent=late_convocation.sent_at|date:"DATE_FORMAT" deadline=late_convocation.deadline|date:"DATE_FORMAT" %}
        the convocation was sent on {{ sent }}, after its deadline of {{ deadline }} (30 working days before the opening day, working methods 4.1).
    {% endblocktranslate %}</p>
    <p>{% translate "Reason:" %} {{ late_convocation.late_reason }}</p>
</div>
{% endif %}

<dl class="meeting-facts">
    <dt>{% translate "When" %}</dt>
    <dd>{% meeting_when page %}</dd>
    {% if page.venue %}<dt>{% translate "Venue" %}</dt><dd>{{ page.venue }}</dd>{% endif %}
    {% if page.online_link %}<dt>{% translate "Online" %}</dt><dd><a href="{{ page.online_link }}" rel="noopener noreferrer">{{ page.online_link }}</a></dd>{% endif %}
    <dt>{% translate "Chair" %}</dt><dd>{{ page.chair_label }}</dd>
</dl>
<p><a href="{% routablepageurl page 'calendar' %}" download>{% translate "Add to my calendar (.ics)" %}</a></p>
{% if page.intro %}<p class="intro">{{ page.intro|linebreaksbr }}</p>{% endif %}

<section id="agenda" aria-labelledby="agenda-heading">
    <h2 id="agenda-heading">{% if page.agenda_is_final %}{% translate "Agenda" %}{% else %}{% translate "Draft agenda" %}{% endif %}</h2>
    {% if not page.agenda_is_final %}<p class="notice">{% translate "This agenda is a draft: it may still change." %}</p>{% endif %}
    {% if agenda_items %}
    <ol class="agenda">
        {% for item in agenda_items %}
        <li>
            <strong>{{ item.title }}</strong>
            {% if item.description %}<p>{{ item.description|linebreaksbr }}</p>{% endif %}
            {% if item.speaker %}<p>{% blocktranslate with speaker=item.speaker %}Rapporteur or speaker: {{ speaker }}{% endblocktranslate %}</p>{% endif %}
            {% if item.suggested_by_state %}<p>{% blocktranslate with state=item.suggested_by_state.name %}Suggested by {{ state }}{% endblocktranslate %}</p>{% endif %}
        </li>
        {% endfor %}
    </ol>
    {% else %}
    <p>{% translate "The agenda has not been published yet." %}</p>
    {% endif %}
</section>

{% if meeting_documents %}
<section id="documents" aria-labelledby="documents-heading">
    <h2 id="documents-heading">{% translate "Documents" %}</h2>
    <ul>
        {{ meeting_documents_html }}
    </ul>
</section>
{% endif %}
{% load library_tags %}{% library_link page %}

{% if page.minutes %}
<section id="minutes" aria-labelledby="minutes-heading">
    <h2 id="minutes-heading">{% translate "Minutes" %}</h2>
    {{ page.minutes|richtext }}
</section>
{% endif %}

{% load decisions_tags %}{% meeting_outcome page %}

{% if is_invited %}
<section id="attendance" aria-labelledby="attendance-heading">
    <h2 id="attendance-heading">{% translate "Your attendance" %}</h2>
    {% if answer %}<p>{% blocktranslate with answer=answer.get_response_display %}Your answer: {{ answer }}.{% endblocktranslate %}</p>{% endif %}
    {% if attendance_refusal %}
        <p>{{ attendance_refusal }}</p>
    {% else %}
    <form method="post" action="{% routablepageurl page 'attendance' %}" novalidate>
        {% csrf_token %}
        {% include "network_pages/accounts/_form_fields.html" with form=attendance_form %}
        <button type="submit">{% if answer %}{% translate "Change my answer" %}{% else %}{% translate "Send my answer" %}{% endif %}</button>
    </form>
    {% endif %}
</section>
{% endif %}

{% if is_member %}
<section id="suggestions" aria-labelledby="suggestions-heading">
    <h2 id="suggestions-heading">{% translate "Suggestions for the agenda" %}</h2>
    <p>{% translate "Member states may suggest items for the agenda (working methods 4.4); the DMR decides." %}</p>
    {% if suggestions %}
    <div class="table-scroll" role="region" tabindex="0" aria-label="{% translate 'Table (scrolls sideways on small screens)' %}"><table>
        <caption class="visually-hidden">{% translate "Suggestions for the agenda" %}</caption>
        <thead><tr>
            <th scope="col">{% translate "Suggested item" %}</th>
            <th scope="col">{% translate "Rationale" %}</th>
            <th scope="col">{% translate "Member state" %}</th>
            <th scope="col">{% translate "Suggested" %}</th>
            <th scope="col">{% translate "Decision" %}</th>
        </tr></thead>
        <tbody>
        {% for suggestion in suggestions %}
            <tr>
                <th scope="row">{{ suggestion.title }}</th>
                <td>{{ suggestion.rationale|linebreaksbr }}</td>
                <td>{% if suggestion.member_state %}{{ suggestion.member_state.name }}{% else %}{% translate "DMR" %}{% endif %}</td>
                <td>{{ suggestion.created_at|date:"DATE_FORMAT" }}</td>
                <td>{% if suggestion.decline_reason %}{% blocktranslate with label=suggestion.get_status_display value=suggestion.decline_reason context "a label and its value" %}{{ label }}: {{ value }}{% endblocktranslate %}{% else %}{{ suggestion.get_status_display }}{% endif %}</td>
            </tr>
        {% endfor %}
        </tbody>
    </table></div>
    {% else %}
    <p>{% translate "No suggestion yet." %}</p>
    {% endif %}
    {% if may_suggest %}
    <h3 id="suggest-heading">{% translate "Suggest an agenda item" %}</h3>
    <form method="post" action="{% routablepageurl page 'suggest' %}" aria-labelledby="suggest-heading" novalidate>
        {% csrf_token %}
        {% include "network_pages/accounts/_form_fields.html" with form=suggestion_form %}
        <button type="submit">{% translate "Send my suggestion" %}</button>
    </form>
    {% elif suggestion_refusal %}
    <p>{{ suggestion_refusal }}</p>
    {% endif %}
</section>
{% endif %}
{% comments_for page %}
{% endblock %}
"""


def get_template(self, request, *args, **kwargs):
    """Page.get_template, with the template above."""
    return engines["django"].from_string(TEMPLATE)
