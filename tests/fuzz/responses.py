"""A state's response as rows, to compare before and after a submission."""

from dataclasses import dataclass

from network_pages.information.factories import make_response
from network_pages.information.models import Response

Answers = dict[int, tuple[str, bool]]
STARTING_POINTS = ("not started", "draft", "submitted")


@dataclass(frozen=True)
class Snapshot:
    status: str
    language: str
    version: int
    submitted_at: object
    answers: Answers


def start_from(request_page, starting_point: str, author) -> Response | None:
    """France's response as it stands before the submission under test."""
    if starting_point == "not started":
        return None
    submitted = starting_point == "submitted"
    return make_response(
        request_page,
        "FR",
        ["Earlier answer to the first question.", None, "Earlier answer to the third."],
        status=Response.Status.SUBMITTED if submitted else Response.Status.DRAFT,
        submitted_by=author if submitted else None,
    )


def snapshot(request_page) -> Snapshot | None:
    response = Response.objects.filter(request=request_page, member_state__code="FR").first()
    if response is None:
        return None
    answers = {
        answer.question_id: (answer.text, answer.no_information)
        for answer in response.answers.all()
    }
    return Snapshot(
        response.status, response.language, response.version, response.submitted_at, answers
    )


def content(answers: Answers) -> Answers:
    """The answers that say something: an empty, unticked answer is no answer."""
    return {question: value for question, value in answers.items() if value != ("", False)}
