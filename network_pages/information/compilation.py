"""The compilation of a request: every submitted answer, grouped by question across states.

Only submitted responses are compiled: they are what every member may read (2.1.a).
"""

from dataclasses import dataclass, field
from datetime import datetime

from network_pages.directory import collation_key

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


@dataclass
class Compilation:
    questions: list[CompiledQuestion]
    attachments: dict[str, list] = field(default_factory=dict)  # state name -> documents

    @property
    def state_count(self) -> int:
        return len({answer.state_code for q in self.questions for answer in q.answers})


def responder_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def compile_request(request_page) -> Compilation:
    """Three queries: questions, submitted answers (with state and responder), attachments."""
    questions = request_page.numbered_questions()
    by_question = {
        question.pk: CompiledQuestion(question.number, question.text) for question in questions
    }
    answers = (
        Answer.objects.filter(
            response__request=request_page, response__status="submitted", question__in=questions
        )
        .select_related("response__member_state", "response__submitted_by")
        .order_by()
    )
    for answer in answers:
        response = answer.response
        by_question[answer.question_id].answers.append(
            CompiledAnswer(
                state_code=response.member_state.code,
                state=response.member_state.name,
                responder=responder_name(response.submitted_by),
                language=response.language,
                text=answer.text,
                no_information=answer.no_information,
                submitted_at=response.submitted_at,
            )
        )
    for compiled in by_question.values():
        compiled.answers.sort(key=lambda answer: collation_key(answer.state))
    attachments: dict[str, list] = {}
    for attachment in ResponseAttachment.objects.filter(
        response__request=request_page, response__status="submitted"
    ).select_related("document", "response__member_state"):
        attachments.setdefault(attachment.response.member_state.name, []).append(
            attachment.document
        )
    return Compilation(
        questions=list(by_question.values()),
        attachments=dict(sorted(attachments.items(), key=lambda item: collation_key(item[0]))),
    )
