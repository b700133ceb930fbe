"""The compilation of a request: every submitted answer, grouped by question across states.

Only submitted responses are compiled: they are what every member may read (2.1.a).
"""

import os
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from django.db.models import QuerySet
from django.utils.translation import get_language

from network_pages.directory import collation_key
from network_pages.reversed_once import document_url
from nfp_site.prepared_sql import prepared_rows

from .models.response import Answer, ResponseAttachment


@dataclass
class CompiledAnswer:
    state_code: str
    state: str
    responder: str
    language: str
    text: str
    no_information: bool
    submitted_at: datetime | None


@dataclass
class CompiledQuestion:
    number: int
    text: str
    answers: list[CompiledAnswer] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CompiledDocument:
    """What the compilation shows of a document attached to a response: a row, not a
    `Document` with its response and state (four models for each of the documents)."""

    title: str
    url: str


@dataclass
class Compilation:
    questions: list[CompiledQuestion]
    # State name -> its documents.
    attachments: dict[str, list[CompiledDocument]] = field(default_factory=dict)

    @property
    def state_count(self) -> int:
        return len({answer.state_code for q in self.questions for answer in q.answers})


def responder_name(first_name: str | None, last_name: str | None, username: str | None) -> str:
    """The user's `get_full_name()` or else username, from their columns (None: nobody)."""
    if username is None:
        return ""
    return f"{first_name} {last_name}".strip() or username


def _submitted_answers(
    request_id: int, question_ids: list[int], *, in_french: bool, with_times: bool
) -> QuerySet:
    return (
        Answer.objects.filter(
            response__request_id=request_id,
            response__status="submitted",
            question_id__in=question_ids,
        )
        .order_by()
        .values_list(
            "question_id",
            "response__member_state__code",
            "response__member_state__name_fr" if in_french else "response__member_state__name_en",
            "response__submitted_by__first_name",
            "response__submitted_by__last_name",
            "response__submitted_by__username",
            "response__language",
            "text",
            "no_information",
            # A date read for each answer only where it is shown.
            *(["response__submitted_at"] if with_times else []),
        )
    )


def _submitted_attachments(request_id: int, *, in_french: bool) -> QuerySet:
    return ResponseAttachment.objects.filter(
        response__request_id=request_id, response__status="submitted"
    ).values_list(
        "response__member_state__name_fr" if in_french else "response__member_state__name_en",
        "document__title",
        "document_id",
        "document__file",
    )


def compile_request(request_page, *, with_times: bool = True) -> Compilation:
    """Three queries: questions, submitted answers (with state and responder), attachments
    (with their documents and states); the last two compiled once per process
    (prepared_sql).

    The answers are read as plain rows, not as models: a request answered by every member
    state has hundreds of them (issue 17). `with_times=False` leaves out when each was
    submitted (the printable page does not show it; the downloads do)."""
    questions = request_page.numbered_questions()
    by_question = {
        question.pk: CompiledQuestion(question.number, question.text) for question in questions
    }
    in_french = (get_language() or "en").startswith("fr")  # MemberState.name's rule
    # Compiled once per process for each language, columns and number of questions.
    answers = prepared_rows(
        f"information.compiled_answers.{'fr' if in_french else 'en'}.{with_times}",
        partial(_submitted_answers, in_french=in_french, with_times=with_times),
        request_page.pk,
        [question.pk for question in questions],
    )
    # One sort of every answer by its state's name: each question's answers in that order
    # (a stable sort, as sorting each question's answers was).
    keys = {state: collation_key(state) for state in {row[2] for row in answers}}
    answers.sort(key=lambda row: keys[row[2]])
    # A responder answers every question: named once.
    responders: dict[str | None, str] = {}
    for row in answers:
        question_id, state_code, state, first_name, last_name, username = row[:6]
        language, text, no_information = row[6:9]
        responder = responders.get(username)
        if responder is None:
            responder = responders[username] = responder_name(first_name, last_name, username)
        submitted_at = row[9] if with_times else None
        by_question[question_id].answers.append(
            CompiledAnswer(
                state_code, state, responder, language, text, no_information, submitted_at
            )
        )
    attachments: dict[str, list[CompiledDocument]] = {}
    url_of = document_url()
    for state, title, document_id, file_name in prepared_rows(
        f"information.compiled_attachments.{'fr' if in_french else 'en'}",
        partial(_submitted_attachments, in_french=in_french),
        request_page.pk,
    ):
        # `Document.url`, from the file's name as `Document.filename` reads it.
        url = url_of(document_id, os.path.basename(file_name))
        attachments.setdefault(state, []).append(CompiledDocument(title, url))
    return Compilation(
        questions=list(by_question.values()),
        attachments=dict(sorted(attachments.items(), key=lambda item: collation_key(item[0]))),
    )
