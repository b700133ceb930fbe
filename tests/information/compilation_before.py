"""`compile_request` as it was before the attachments were read as rows (issue 17), kept
verbatim (but for its names and its query's) for `test_compilation_page_as_before.py`."""

from functools import partial

from django.utils.translation import get_language

from network_pages.directory import collation_key
from network_pages.information.compilation import (
    Compilation,
    CompiledAnswer,
    CompiledQuestion,
    _submitted_answers,
    responder_name,
)
from network_pages.information.models.response import ResponseAttachment
from nfp_site.prepared_sql import prepared_objects, prepared_rows


def _old_submitted_attachments(request_id: int):
    return ResponseAttachment.objects.filter(
        response__request_id=request_id, response__status="submitted"
    ).select_related("document", "response__member_state")


def old_compile_request(request_page, *, with_times: bool = True) -> Compilation:
    """Three queries: questions, submitted answers (with state and responder), attachments;
    the last two compiled once per process (prepared_sql).

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
        f"tests.old_compiled_answers.{'fr' if in_french else 'en'}.{with_times}",
        partial(_submitted_answers, in_french=in_french, with_times=with_times),
        request_page.pk,
        [question.pk for question in questions],
    )
    for (
        question_id,
        state_code,
        state,
        first_name,
        last_name,
        username,
        language,
        text,
        no_information,
        *submitted_at,
    ) in answers:
        by_question[question_id].answers.append(
            CompiledAnswer(
                state_code=state_code,
                state=state,
                responder=responder_name(first_name, last_name, username),
                language=language,
                text=text,
                no_information=no_information,
                submitted_at=submitted_at[0] if submitted_at else None,
            )
        )
    keys = {
        state: collation_key(state)
        for state in {a.state for q in by_question.values() for a in q.answers}
    }
    for compiled in by_question.values():
        compiled.answers.sort(key=lambda answer: keys[answer.state])
    attachments: dict[str, list] = {}
    for attachment in prepared_objects(
        "tests.old_compiled_attachments", _old_submitted_attachments, request_page.pk
    ):
        attachments.setdefault(attachment.response.member_state.name, []).append(
            attachment.document
        )
    return Compilation(
        questions=list(by_question.values()),
        attachments=dict(sorted(attachments.items(), key=lambda item: collation_key(item[0]))),
    )
