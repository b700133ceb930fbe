"""A state's response: written by its Focal Points, read as the rules say (`rules`)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext, gettext_lazy

from network_pages import network_area
from network_pages.models import MemberState

from .. import rules
from ..documents import DocumentNotStored
from ..forms import ResponseForm, unanswered_message
from ..models.response import Response
from ..responding import Outcome, SaveResult, save_response, stored_answers
from .base import refuse, render_route, route_url

TEMPLATES = "information/request"
EMPTY_RESPONSE_REFUSED = gettext_lazy(
    "Nothing was saved: every answer is empty. Answer at least one question, or tick “No "
    "information available”, before you save or submit the response."
)


def _attachments(response: Response | None) -> list:
    if response is None:
        return []
    return list(response.attachments.select_related("document"))


def _language_warning(numbers: list[int]) -> str:
    return gettext(
        "The answers to questions %(numbers)s do not look like the language you chose for "
        "the response. Check the language, or tick the confirmation and submit again."
    ) % {"numbers": ", ".join(str(number) for number in numbers)}


def _form_after(result: SaveResult, request: HttpRequest, questions) -> ResponseForm:
    """The form as sent, now carrying the stored version (so that a save goes through)."""
    data = request.POST.copy()
    data["version"] = str(result.response.version)
    return ResponseForm(data, questions=questions, attachments=_attachments(result.response))


def edit_response(request: HttpRequest, page) -> HttpResponse:
    """Write the response of the Focal Point's own state; nobody else's (rules)."""
    state = rules.represented_state(request.user)
    if state is None:
        return refuse(request)
    source = network_area.source_of(page)
    questions = source.numbered_questions()
    response = Response.objects.filter(request=source, member_state=state).first()
    lock = rules.lock_of(source, response)
    context = {
        "request_page": source,
        "state": state,
        "response": response,
        "questions": questions,
        "lock": lock,
    }
    if lock is not None:
        if request.method == "POST":
            messages.error(request, lock.label)
            return redirect(route_url(request, page, "edit_response"))
        answers = stored_answers(response)
        for question in questions:
            question.answer = answers.get(question.pk)
        context["attachments"] = _attachments(response)
        return render_route(page, request, f"{TEMPLATES}/response_locked.html", **context)

    if request.method != "POST":
        form = ResponseForm(
            initial=ResponseForm.initial_for(
                response,
                stored_answers(response),
                response.language if response else source.language,
            ),
            questions=questions,
            attachments=_attachments(response),
        )
        return render_route(page, request, f"{TEMPLATES}/response_form.html", form=form, **context)

    form = ResponseForm(
        request.POST, request.FILES, questions=questions, attachments=_attachments(response)
    )
    if not form.is_valid():
        messages.error(request, gettext("Nothing was saved. Please correct the errors below."))
        return render_route(page, request, f"{TEMPLATES}/response_form.html", form=form, **context)

    submit = ResponseForm.SUBMIT in request.POST
    if form.is_empty() and (submit or response is None):
        # An empty form saved nothing before and submits nothing now: the state's status
        # must not turn into "Draft" (or be submitted) for a click on an empty form.
        form.add_error(None, EMPTY_RESPONSE_REFUSED)
        return render_route(page, request, f"{TEMPLATES}/response_form.html", form=form, **context)
    try:
        result = save_response(source, state, request.user, form, submit=submit)
    except DocumentNotStored as error:
        messages.error(request, str(error))
        return render_route(page, request, f"{TEMPLATES}/response_form.html", form=form, **context)
    return _after_save(request, page, result, questions, context)


def _after_save(request, page, result: SaveResult, questions, context) -> HttpResponse:
    outcome = result.outcome
    if outcome is Outcome.LOCKED:
        messages.error(request, rules.lock_of(context["request_page"], result.response).label)
        return redirect(route_url(request, page, "edit_response"))
    if outcome is Outcome.SUBMITTED:
        messages.success(
            request,
            gettext("The response of %(state)s was submitted: every member can now read it.")
            % {"state": context["state"].name},
        )
        # The confirmation is at the top of the page and takes focus (no anchor far below).
        return redirect(page.get_url(request))
    if outcome in (Outcome.SAVED, Outcome.UNCHANGED):
        messages.success(request, gettext("Your draft was saved."))
        return redirect(route_url(request, page, "edit_response"))

    context.update(response=result.response, form=_form_after(result, request, questions))
    if outcome is Outcome.CONFLICT:
        saved_by = result.response.updated_by
        messages.warning(
            request,
            gettext(
                "%(name)s saved this response while you were editing it. Nothing was "
                "overwritten: your text is still in the form, and the saved text is shown "
                "under each question. Merge them, then save again."
            )
            % {"name": (saved_by.get_full_name() or saved_by.get_username()) if saved_by else "?"},
        )
        if result.documents_added:
            messages.info(request, gettext("Your documents were added to the response."))
        context.update(conflict=True, stored=result.stored)
        for question in questions:
            question.stored = result.stored.get(question.pk)
    else:
        if outcome is Outcome.NOT_SUBMITTED:
            messages.warning(request, gettext("Your draft was saved, but not submitted yet."))
        else:
            messages.warning(
                request,
                gettext("Nothing was changed: the submitted response stays as it was."),
            )
        context.update(
            unanswered=unanswered_message(result.unanswered) if result.unanswered else "",
            language_warning=(
                _language_warning(result.language_mismatches) if result.language_mismatches else ""
            ),
        )
    return render_route(page, request, f"{TEMPLATES}/response_form.html", **context)


def response_detail(request: HttpRequest, page, code: str) -> HttpResponse:
    """One state's response: submitted for every member, a draft for its state and the DMR."""
    source = network_area.source_of(page)
    state = get_object_or_404(MemberState, code=code.upper())
    response = (
        Response.objects.filter(request=source, member_state=state)
        .select_related("member_state", "submitted_by", "updated_by")
        .first()
    )
    if response is None:
        raise Http404
    if not rules.may_read(request.user, response):
        return refuse(request)
    answers = stored_answers(response)
    questions = source.numbered_questions()
    for question in questions:
        question.answer = answers.get(question.pk)
    return render_route(
        page,
        request,
        f"{TEMPLATES}/response_detail.html",
        request_page=source,
        state=state,
        response=response,
        questions=questions,
        attachments=_attachments(response),
        own_state=rules.may_write_for(request.user, state),
    )
