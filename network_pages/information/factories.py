"""Build information requests, responses and items for tests and demo content."""

from datetime import date, timedelta

from django.utils import timezone

from network_pages.models import MemberState

from .models import (
    Answer,
    InformationItemIndexPage,
    InformationItemPage,
    InformationRequestIndexPage,
    InformationRequestPage,
    RequestQuestion,
    Response,
)
from .models.request_index_page import unique_child_slug
from .site_setup import ensure_information_indexes

__all__ = ["ensure_information_indexes", "make_item", "make_request", "make_response"]


def make_request(
    index: InformationRequestIndexPage,
    *,
    title: str = "Reception of unaccompanied minors",
    questions: list[str] | tuple[str, ...] = ("What is the procedure?", "How long does it take?"),
    language: str = "en",
    deadline: date | None = None,
    member_state: MemberState | None = None,
    status: str = InformationRequestPage.Status.OPEN,
    live: bool = True,
    **fields,
) -> InformationRequestPage:
    """A request under `index`, published (and so mirrored into French) unless `live=False`."""
    page = InformationRequestPage(
        title=title,
        slug=unique_child_slug(index, title, "request"),
        language=language,
        deadline=deadline or timezone.localdate() + timedelta(days=30),
        member_state=member_state,
        status=status,
        locale_id=index.locale_id,
        live=False,
        **fields,
    )
    page.questions = [
        RequestQuestion(text=text, sort_order=order) for order, text in enumerate(questions)
    ]
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return InformationRequestPage.objects.get(pk=page.pk)


def make_response(
    request_page: InformationRequestPage,
    state_code: str,
    answers: list[str | None] | None = None,
    *,
    submitted_by=None,
    status: str = Response.Status.SUBMITTED,
    language: str = "en",
) -> Response:
    """A response of the state; an answer of None means "no information available"."""
    questions = request_page.numbered_questions()
    answers = answers if answers is not None else [f"Answer {q.number}" for q in questions]
    response = Response.objects.create(
        request=request_page,
        member_state=MemberState.objects.get(code=state_code),
        language=language,
        status=status,
        version=1,
        submitted_by=submitted_by if status == Response.Status.SUBMITTED else None,
        submitted_at=timezone.now() if status == Response.Status.SUBMITTED else None,
        updated_by=submitted_by,
    )
    Answer.objects.bulk_create(
        Answer(
            response=response,
            question=question,
            text=text or "",
            no_information=text is None,
        )
        for question, text in zip(questions, answers, strict=False)
    )
    return response


def make_item(
    index: InformationItemIndexPage,
    *,
    title: str = "Integration courses for refugees",
    summary: str = "How our integration courses work.",
    member_state: MemberState | None = None,
    item_type: str = InformationItemPage.Kind.MEMBER_INFORMATION,
    themes: tuple[str, ...] = (),
    live: bool = True,
    **fields,
) -> InformationItemPage:
    page = InformationItemPage(
        title=title,
        slug=unique_child_slug(index, title, "information"),
        summary=summary,
        member_state=member_state,
        item_type=item_type,
        locale_id=index.locale_id,
        live=False,
        **fields,
    )
    page.tags.set(list(themes))
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return InformationItemPage.objects.get(pk=page.pk)
