"""The text of each searchable thing of the network area, as the entries that stand for it.

Each function takes a source (a page, a response, a comment) and returns the entries it
should have now: none when it must not be found at all (a page that is not live, an alias,
a public page, a deleted or hidden comment). Only the text is read here; who may read an
entry is decided at search time (`readers`).
"""

import datetime
import json
from dataclasses import dataclass

from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page

from network_pages import network_area
from network_pages.community.models import MemberComment, ThematicGroupPage, ThematicGroupUpdatePage
from network_pages.decisions.models import ActionPoint, Decision
from network_pages.information.models import InformationItemPage, InformationRequestPage, Response
from network_pages.meetings.models import MeetingPage

from .models import SearchEntry

Kind = SearchEntry.Kind
Audience = SearchEntry.Audience


@dataclass
class EntryData:
    """What an entry holds, before it is written."""

    kind: str
    source_id: int
    page_id: int | None
    title: str
    body: str = ""
    audience: str = Audience.PAGE_READERS
    member_state_id: int | None = None
    language: str = ""
    date: datetime.date | None = None
    anchor: str = ""
    document_id: int | None = None
    content_key: str = ""
    view_name: str = ""
    view_pk: int | None = None


def plain(text: str) -> str:
    """Rich text or HTML as plain words, on one line."""
    return " ".join(strip_tags(text or "").split())


def _strings(value) -> list[str]:
    """Every string inside a StreamField's stored JSON (block types and ids left out)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        skip = {"type", "id"}
        return [text for key, item in value.items() if key not in skip for text in _strings(item)]
    return []


def stream_text(stream) -> str:
    raw = stream.get_prep_value() if hasattr(stream, "get_prep_value") else stream
    if isinstance(raw, str):
        raw = json.loads(raw or "[]")
    return plain(" ".join(_strings(raw)))


def _local_date(moment) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


def page_is_searchable(page: Page) -> bool:
    """Live, a page of its own (not an alias), and in the restricted network area."""
    return page.live and not page.alias_of_id and network_area.is_in_network_area(page)


# --- pages ------------------------------------------------------------------------------


def request_entries(page: InformationRequestPage) -> list[EntryData]:
    published = _local_date(page.first_published_at)
    entries = [
        EntryData(
            Kind.REQUEST,
            page.pk,
            page.pk,
            page.title,
            body=plain(page.background),
            member_state_id=page.member_state_id,
            language=page.language,
            date=published,
        )
    ]
    for question in page.numbered_questions():
        entries.append(
            EntryData(
                Kind.QUESTION,
                question.pk,
                page.pk,
                page.title,
                body=plain(question.text),
                member_state_id=page.member_state_id,
                language=page.language,
                date=published,
            )
        )
    return entries


def item_entries(page: InformationItemPage) -> list[EntryData]:
    return [
        EntryData(
            Kind.ITEM,
            page.pk,
            page.pk,
            page.title,
            body=plain(f"{page.summary} {stream_text(page.body)}"),
            member_state_id=page.member_state_id,
            language=page.language,
            date=_local_date(page.first_published_at),
        )
    ]


def meeting_entries(page: MeetingPage) -> list[EntryData]:
    items = page.agenda_items.all().order_by("sort_order")
    agenda = " ".join(f"{item.title} {item.description}" for item in items)
    # Its outcome: the decisions and action points recorded for it.
    outcome = " ".join(
        [decision.text for decision in Decision.objects.filter(meeting=page)]
        + [action.description for action in ActionPoint.objects.filter(meeting=page)]
    )
    return [
        EntryData(
            Kind.MEETING,
            page.pk,
            page.pk,
            page.title,
            body=plain(f"{page.intro} {agenda} {page.minutes} {outcome}"),
            date=_local_date(page.opening),
        )
    ]


def thematic_group_entries(page: ThematicGroupPage) -> list[EntryData]:
    return [
        EntryData(
            Kind.THEMATIC_GROUP,
            page.pk,
            page.pk,
            page.title,
            body=plain(f"{page.theme} {page.mandate}"),
            date=_local_date(page.last_published_at),
        )
    ]


def update_entries(page: ThematicGroupUpdatePage) -> list[EntryData]:
    return [
        EntryData(
            Kind.WORKSPACE_UPDATE,
            page.pk,
            page.pk,
            page.title,
            body=plain(page.body),
            date=page.date,
        )
    ]


PAGE_EXTRACTORS = {
    InformationRequestPage: request_entries,
    InformationItemPage: item_entries,
    MeetingPage: meeting_entries,
    ThematicGroupPage: thematic_group_entries,
    ThematicGroupUpdatePage: update_entries,
}
# The kinds a page itself stands for (its responses and comments are sources of their own).
PAGE_KINDS = (
    Kind.REQUEST,
    Kind.QUESTION,
    Kind.ITEM,
    Kind.MEETING,
    Kind.THEMATIC_GROUP,
    Kind.WORKSPACE_UPDATE,
)


def page_entries(page: Page) -> list[EntryData]:
    page = page.specific
    extractor = PAGE_EXTRACTORS.get(type(page))
    if extractor is None or not page_is_searchable(page):
        return []
    return extractor(page)


# --- records on pages --------------------------------------------------------------------


def response_entries(response: Response) -> list[EntryData]:
    """A submitted response is for the network's members; a draft for its state and the
    DMR only (`information.rules.may_read`)."""
    page = response.request
    if not page_is_searchable(page):
        return []
    answers = response.answers.filter(no_information=False).order_by("question__sort_order")
    submitted = response.is_submitted
    return [
        EntryData(
            Kind.RESPONSE,
            response.pk,
            page.pk,
            page.title,
            body=plain(" ".join(answer.text for answer in answers)),
            audience=Audience.MEMBERS if submitted else Audience.STATE_AND_DMR,
            member_state_id=response.member_state_id,
            language=response.language,
            date=_local_date(response.submitted_at if submitted else response.updated_at),
            anchor=f"responses/{response.member_state.code}/",
        )
    ]


def comment_entries(comment: MemberComment) -> list[EntryData]:
    """A shown comment, for whoever may read its page (`community.comments.rules`)."""
    if comment.is_deleted or comment.is_hidden:
        return []
    page = comment.page
    if not page_is_searchable(page):
        return []
    state_id = None
    profile = getattr(comment.author, "member_profile", None) if comment.author_id else None
    if profile is not None:
        state_id = profile.member_state_id
    return [
        EntryData(
            Kind.COMMENT,
            comment.pk,
            page.pk,
            page.title,
            body=plain(comment.body),
            member_state_id=state_id,
            language=comment.language,
            date=_local_date(comment.created_at),
            anchor=f"#{comment.anchor}",
        )
    ]
