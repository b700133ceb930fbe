"""Saving a state's response: drafts, submission, and two Focal Points saving at once.

The response row is read `FOR UPDATE`, so that two saves of one state's response run one
after the other. A save made from an older version than the one stored is a conflict:
nothing of it is written over the other person's text; the form comes back with both.
Documents are only ever added, so they are kept even then. A repeated request (a double
click) that would write exactly what is stored is recognised and does nothing.
"""

from dataclasses import dataclass, field
from enum import Enum

from django.db import transaction
from django.utils import timezone

from . import language_check, rules
from .documents import store_documents
from .models.response import Answer, Response, ResponseAttachment


class Outcome(Enum):
    SAVED = "saved"  # the draft was saved
    SUBMITTED = "submitted"
    UNCHANGED = "unchanged"  # a repeated request: what it would write is stored already
    CONFLICT = "conflict"  # saved by someone else since the form was opened
    NOT_SUBMITTED = "not_submitted"  # saved as a draft; incomplete or language to confirm
    KEPT_SUBMITTED = "kept_submitted"  # nothing changed: the submitted response stays
    LOCKED = "locked"


@dataclass
class SaveResult:
    outcome: Outcome
    response: Response
    stored: dict[int, Answer] = field(default_factory=dict)  # answers as stored now
    unanswered: list[int] = field(default_factory=list)
    language_mismatches: list[int] = field(default_factory=list)
    documents_added: int = 0


def stored_answers(response: Response | None) -> dict[int, Answer]:
    if response is None or response.pk is None:
        return {}
    return {answer.question_id: answer for answer in response.answers.all()}


def _same_content(stored: dict[int, Answer], posted: dict[int, tuple[str, bool]]) -> bool:
    for question_id, (text, no_information) in posted.items():
        answer = stored.get(question_id)
        current = (answer.text, answer.no_information) if answer else ("", False)
        if current != (text, no_information):
            return False
    return True


def _submission_problems(form, questions, language: str) -> tuple[list[int], list[int]]:
    unanswered = form.unanswered_numbers()
    if form.cleaned_data.get("confirm_language"):
        return unanswered, []
    answers = form.answers()
    texts = [(question.number, answers[question.pk][0]) for question in questions]
    return unanswered, language_check.mismatches(texts, language)


def _write_answers(response: Response, stored, posted) -> None:
    to_create, to_update = [], []
    for question_id, (text, no_information) in posted.items():
        answer = stored.get(question_id)
        if answer is None:
            if text or no_information:
                to_create.append(
                    Answer(
                        response=response,
                        question_id=question_id,
                        text=text,
                        no_information=no_information,
                    )
                )
        elif (answer.text, answer.no_information) != (text, no_information):
            answer.text, answer.no_information = text, no_information
            to_update.append(answer)
    Answer.objects.bulk_create(to_create)
    Answer.objects.bulk_update(to_update, ["text", "no_information"])


def _add_documents(response: Response, uploads, user) -> int:
    for document in store_documents(uploads, user=user):
        ResponseAttachment.objects.create(response=response, document=document, added_by=user)
    return len(uploads)


def _remove_documents(response: Response, attachment_ids) -> int:
    removed, _ = ResponseAttachment.objects.filter(
        response=response, pk__in=[int(pk) for pk in attachment_ids]
    ).delete()
    return removed


@transaction.atomic
def save_response(request_page, state, user, form, *, submit: bool) -> SaveResult:
    """Save (and with `submit`, submit) `state`'s response from a valid `ResponseForm`."""
    language = form.cleaned_data["language"]
    response, created = Response.objects.select_for_update().get_or_create(
        request=request_page,
        member_state=state,
        defaults={"language": language, "updated_by": user},
    )
    if rules.lock_of(request_page, response) is not None:
        return SaveResult(Outcome.LOCKED, response)

    stored = stored_answers(response)
    posted = form.answers()
    uploads = form.cleaned_data.get("new_attachments") or []

    # A response created just now has no text of anyone's to overwrite: no conflict.
    if not created and form.cleaned_data["version"] != response.version:
        wanted_status = Response.Status.SUBMITTED if submit else Response.Status.DRAFT
        if (
            not uploads
            and _same_content(stored, posted)
            and response.language == language
            and response.status == wanted_status
        ):
            return SaveResult(Outcome.UNCHANGED, response, stored)
        added = _add_documents(response, uploads, user)
        if added:
            response.version += 1
            response.updated_by = user
            response.save()
        return SaveResult(Outcome.CONFLICT, response, stored, documents_added=added)

    unanswered, mismatches = [], []
    if submit:
        unanswered, mismatches = _submission_problems(form, form.questions, language)
        if (unanswered or mismatches) and response.is_submitted:
            # The submitted text stays as it is; documents are only added, never lost.
            added = _add_documents(response, uploads, user)
            if added:
                response.version += 1
                response.updated_by = user
                response.save()
            return SaveResult(
                Outcome.KEPT_SUBMITTED,
                response,
                stored,
                unanswered=unanswered,
                language_mismatches=mismatches,
                documents_added=added,
            )

    _write_answers(response, stored, posted)
    added = _add_documents(response, uploads, user)
    _remove_documents(response, form.cleaned_data.get("remove_attachments") or [])
    response.language = language
    response.updated_by = user
    response.version += 1
    if submit and not (unanswered or mismatches):
        response.status = Response.Status.SUBMITTED
        response.submitted_at = timezone.now()
        response.submitted_by = user
        if rules.closes_reopening(request_page):
            response.reopened_until = None
        outcome = Outcome.SUBMITTED
    else:
        response.status = Response.Status.DRAFT
        outcome = Outcome.NOT_SUBMITTED if submit else Outcome.SAVED
    response.save()
    return SaveResult(
        outcome,
        response,
        stored_answers(response),
        unanswered=unanswered,
        language_mismatches=mismatches,
        documents_added=added,
    )
