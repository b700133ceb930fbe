"""The meetings on "what needs doing" (network home, DMR dashboard).

A member: the meetings waiting for their attendance answer and their own agenda
suggestions with the DMR's decision (4.4). The DMR: the suggestions waiting for a decision
and the meetings whose convocation deadline has passed without a convocation (4.1).
"""

from django.urls import reverse
from django.utils import dateformat
from django.utils.formats import get_format
from django.utils.text import format_lazy
from django.utils.translation import gettext

from network_pages import access
from network_pages.community.activity import ReaderUrls
from network_pages.community.worklists import (
    ChoiceLabels,
    WorkItem,
    WorkList,
    prepared_first_and_total,
)
from network_pages.meetings import convocation, dashboard, pending
from network_pages.meetings.models import AgendaSuggestion, MeetingPage
from nfp_site.prepared_sql import prepared_objects

SUGGESTIONS_SHOWN = 8


# What an item and its link (`ReaderUrls`) read of a meeting, not its every column (its
# agenda, its blocks): a Focal Point's home shows eight at network size (issue 17).
_ITEM_FIELDS = ("title", "kind", "opening", "content_type", "live")
_LINK_FIELDS = ("translation_key", "locale", "url_path")


def meetings_to_answer(user, urls: ReaderUrls) -> WorkList:
    found = pending.awaiting_answer_query(user)
    if found:
        name, build, arguments = found
        meetings, total = prepared_first_and_total(
            f"{name}:items",
            lambda *values: build(*values).only(*_ITEM_FIELDS, *_LINK_FIELDS),
            *arguments,
        )
    else:
        meetings, total = [], None
    links = urls.map(meetings)
    # Asked once for the list, not once per meeting.
    day_format = get_format("DATE_FORMAT")
    status = gettext("Tell the DMR whether you attend")
    kind_of = ChoiceLabels(MeetingPage, "kind")
    items = []
    for meeting in meetings:
        opening_day = convocation.opening_day(meeting)
        items.append(
            WorkItem(
                title=meeting.title,
                # Lazy: the URLs of every list on the page are looked up together.
                url=format_lazy("{}#attendance", links.get(meeting.pk, "")),
                detail=f"{kind_of(meeting)} · " + dateformat.format(opening_day, day_format),
                status=status,
                due=opening_day,
            )
        )
    return WorkList(
        key="meetings-to-answer",
        title=gettext("Meetings to answer"),
        items=items,
        total=total,
        empty=gettext("You have answered for every meeting you are invited to."),
        more_url=reverse("meetings:your_meetings"),
        more_label=gettext("Your meetings"),
        order=20,
    )


def _suggestions_of(user_id: int):
    return (
        AgendaSuggestion.objects.filter(suggested_by_id=user_id)
        .select_related("meeting")
        .order_by("-created_at", "-pk")[: SUGGESTIONS_SHOWN + 1]
    )


def my_suggestions(user, urls: ReaderUrls) -> WorkList:
    suggestions = prepared_objects("meetings.my_suggestions", _suggestions_of, user.pk)
    links = urls.map(list({s.meeting_id: s.meeting for s in suggestions}.values()))
    status_of = ChoiceLabels(AgendaSuggestion, "status")
    items = [
        WorkItem(
            title=suggestion.title,
            url=format_lazy("{}#suggestions", links.get(suggestion.meeting_id, "")),
            detail=suggestion.meeting.title,
            status=status_of(suggestion),
            needs_action=False,
        )
        for suggestion in suggestions
    ]
    return WorkList(
        key="my-suggestions",
        title=gettext("Your agenda suggestions"),
        items=items[:SUGGESTIONS_SHOWN],
        empty=gettext("You have not suggested an agenda item yet."),
        order=50,
    )


def _suggestions_to_decide():
    return (
        AgendaSuggestion.objects.filter(status=AgendaSuggestion.Status.PENDING)
        .select_related("meeting", "member_state")
        .order_by("created_at", "pk")
        # What the items show: not the meeting's every column (its agenda, its blocks).
        .only("title", "status", "meeting__title", "member_state")
    )


def suggestions_to_decide() -> WorkList:
    suggestions, total = prepared_first_and_total(
        "suggestions_to_decide", _suggestions_to_decide, limit=SUGGESTIONS_SHOWN
    )
    status_of = ChoiceLabels(AgendaSuggestion, "status")
    items = [
        WorkItem(
            title=suggestion.title,
            url=reverse("agenda_suggestions:edit", args=[suggestion.pk]),
            detail=" · ".join(
                part
                for part in (
                    suggestion.meeting.title,
                    suggestion.member_state.name if suggestion.member_state else "",
                )
                if part
            ),
            status=status_of(suggestion),
        )
        for suggestion in suggestions
    ]
    return WorkList(
        key="suggestions-to-decide",
        title=gettext("Agenda suggestions to decide on"),
        items=items,
        total=total,
        empty=gettext("No agenda suggestion is waiting for a decision."),
        more_url=reverse("agenda_suggestions:index") + "?status=pending",
        more_label=gettext("All agenda suggestions"),
        order=10,
        on_admin_dashboard=True,
    )


def overdue_convocations(request=None) -> WorkList:
    """4.1: upcoming meetings past their convocation deadline and not convened yet."""
    # Asked once for the list, not once per meeting.
    day_format, kind_of = get_format("DATE_FORMAT"), ChoiceLabels(MeetingPage, "kind")
    items = [
        WorkItem(
            title=upcoming.page.title,
            url=reverse("meetings_convocation", args=[upcoming.page.pk]),
            detail=kind_of(upcoming.page)
            + " · "
            + dateformat.format(upcoming.timing.opening_day, day_format),
            status=str(upcoming.timing.describe()),
            due=upcoming.timing.deadline,
        )
        for upcoming in dashboard.upcoming_meetings(request=request)
        if upcoming.convened_at is None and upcoming.timing.is_overdue
    ]
    return WorkList(
        key="overdue-convocations",
        title=gettext("Convocations overdue"),
        items=items,
        empty=gettext("No convocation is overdue."),
        order=30,
        on_admin_dashboard=True,
    )


def meeting_work_lists(user, request=None) -> list[WorkList]:
    urls = ReaderUrls.of(request)
    lists = []
    if access.is_member(user) and not access.is_dmr(user):
        lists += [meetings_to_answer(user, urls), my_suggestions(user, urls)]
    if access.is_dmr(user):
        lists += [suggestions_to_decide(), overdue_convocations(request)]
    return lists
