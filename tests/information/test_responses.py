"""A state's response: one per state and request, written by its Focal Points only,
drafts kept, conflicts never silent, locked after the deadline unless the DMR reopens it."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from network_pages.factories import make_member
from network_pages.information.factories import make_response
from network_pages.information.models import Answer, Response
from network_pages.models import MemberState
from tests.conftest import sign_in

from .conftest import body_of, request_url, response_form_data

pytestmark = pytest.mark.django_db

EDIT = "response/"


@pytest.fixture
def french_deputy(db):
    return make_member("marc", state="FR", function="deputy", first_name="Marc")


def the_response(request_page, code="FR") -> Response:
    return Response.objects.get(request=request_page, member_state__code=code)


def answers_of(response) -> dict[int, tuple[str, bool]]:
    numbers = {q.pk: q.number for q in response.request.numbered_questions()}
    return {
        numbers[answer.question_id]: (answer.text, answer.no_information)
        for answer in response.answers.all()
    }


def test_focal_point_saves_a_draft_that_is_kept(client, open_request, focal_point):
    sign_in(client, focal_point)

    response = client.post(
        request_url(open_request, EDIT), response_form_data(open_request, {1: "Half done"})
    )

    assert response.status_code == 302
    saved = the_response(open_request)
    assert saved.status == Response.Status.DRAFT
    assert saved.updated_by == focal_point
    assert answers_of(saved) == {1: ("Half done", False)}
    page = client.get(request_url(open_request, EDIT))
    assert "Half done" in page.content.decode()


def test_focal_point_submits_with_an_answer_or_no_information_for_each_question(
    client, open_request, focal_point
):
    sign_in(client, focal_point)

    response = client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {1: "One", 2: None, 3: "Three"}, action="submit"),
    )

    assert response.status_code == 302
    saved = the_response(open_request)
    assert saved.status == Response.Status.SUBMITTED
    assert saved.submitted_by == focal_point
    assert answers_of(saved) == {1: ("One", False), 2: ("", True), 3: ("Three", False)}


def test_incomplete_response_is_saved_as_a_draft_but_not_submitted(
    client, open_request, focal_point
):
    sign_in(client, focal_point)

    response = client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {1: "One"}, action="submit"),
    )

    assert response.status_code == 200
    assert (
        "Answer questions 2, 3 or tick “No information available” before submitting."
        in response.content.decode()
    )
    saved = the_response(open_request)
    assert saved.status == Response.Status.DRAFT
    assert answers_of(saved) == {1: ("One", False)}


@pytest.mark.parametrize("action", ["save", "submit"])
def test_an_empty_response_is_refused_with_an_error_summary_and_nothing_is_saved(
    client, open_request, focal_point, action
):
    sign_in(client, focal_point)

    response = client.post(
        request_url(open_request, EDIT), response_form_data(open_request, {}, action=action)
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="error-summary"' in body
    assert "Nothing was saved: every answer is empty." in body
    assert not Response.objects.exists()  # the state's status stays "Not started"


def test_submitting_an_emptied_draft_is_refused_and_the_draft_is_kept(
    client, open_request, focal_point
):
    sign_in(client, focal_point)
    client.post(request_url(open_request, EDIT), response_form_data(open_request, {1: "Half"}))

    response = client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {}, action="submit", version=1),
    )

    assert response.status_code == 200
    assert the_response(open_request).status == Response.Status.DRAFT
    assert answers_of(the_response(open_request)) == {1: ("Half", False)}


def test_answer_and_no_information_together_are_refused_and_nothing_is_saved(
    client, open_request, focal_point
):
    sign_in(client, focal_point)
    data = response_form_data(open_request, {1: "Text"})
    data[f"no_information_{open_request.numbered_questions()[0].pk}"] = "on"

    response = client.post(request_url(open_request, EDIT), data)

    assert response.status_code == 200
    assert "Question 1: write an answer or tick" in response.content.decode()
    assert not Response.objects.exists()


def test_one_response_per_state_and_request_is_a_database_constraint(open_request):
    make_response(open_request, "FR")

    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(
            request=open_request, member_state=MemberState.objects.get(code="FR")
        )


def test_one_answer_per_question_is_a_database_constraint(open_request):
    response = make_response(open_request, "FR")
    question = open_request.numbered_questions()[0]

    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(response=response, question=question, text="Again")


def test_double_submission_creates_one_response(client, open_request, focal_point):
    sign_in(client, focal_point)
    data = response_form_data(open_request, {1: "A", 2: "B", 3: "C"}, action="submit")

    first = client.post(request_url(open_request, EDIT), data)
    second = client.post(request_url(open_request, EDIT), data)

    assert (first.status_code, second.status_code) == (302, 302)
    assert Response.objects.count() == 1
    assert Answer.objects.count() == 3
    assert the_response(open_request).version == 1


def test_deputy_of_the_same_state_continues_the_draft(
    client, open_request, focal_point, french_deputy
):
    sign_in(client, focal_point).post(
        request_url(open_request, EDIT), response_form_data(open_request, {1: "By Claire"})
    )
    client.logout()
    sign_in(client, french_deputy)

    client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {1: "By Claire", 2: "By Marc"}, version=1),
    )

    assert answers_of(the_response(open_request)) == {
        1: ("By Claire", False),
        2: ("By Marc", False),
    }
    assert the_response(open_request).updated_by == french_deputy


def test_concurrent_save_shows_a_conflict_with_both_texts_and_overwrites_nothing(
    client, open_request, focal_point, french_deputy
):
    # Both open the empty form (version 0); Marc saves first.
    sign_in(client, french_deputy).post(
        request_url(open_request, EDIT), response_form_data(open_request, {1: "Marc's text"})
    )
    client.logout()
    sign_in(client, focal_point)

    response = client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {1: "Claire's text"}, version=0),
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "saved this response while you were editing it" in body
    assert "Claire&#x27;s text" in body  # hers, still in the form
    assert "Marc&#x27;s text" in body  # his, shown as the saved text
    assert answers_of(the_response(open_request)) == {1: ("Marc's text", False)}
    # The form now carries the stored version: saving again is a deliberate overwrite.
    assert response.context["form"]["version"].value() == "1"
    client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {1: "Merged text"}, version=1),
    )
    assert answers_of(the_response(open_request)) == {1: ("Merged text", False)}


def test_documents_sent_with_a_conflicting_save_are_kept(
    client, open_request, focal_point, french_deputy
):
    sign_in(client, french_deputy).post(
        request_url(open_request, EDIT), response_form_data(open_request, {1: "First"})
    )
    client.logout()
    sign_in(client, focal_point)
    upload = SimpleUploadedFile("statistics.pdf", b"%PDF-1.4 data", "application/pdf")

    client.post(
        request_url(open_request, EDIT),
        {**response_form_data(open_request, {1: "Second"}, version=0), "new_attachments": upload},
    )

    saved = the_response(open_request)
    assert [a.document.title for a in saved.attachments.all()] == ["statistics"]
    assert answers_of(saved) == {1: ("First", False)}


def test_attachment_goes_to_the_restricted_collection(client, open_request, focal_point):
    sign_in(client, focal_point)
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4 data", "application/pdf")

    client.post(
        request_url(open_request, EDIT),
        {**response_form_data(open_request, {1: "See report"}), "new_attachments": upload},
    )

    document = the_response(open_request).attachments.get().document
    assert document.collection.name == "Network documents"
    assert document.collection.get_view_restrictions().exists()


def test_attachment_of_a_forbidden_type_is_refused(client, open_request, focal_point):
    sign_in(client, focal_point)
    upload = SimpleUploadedFile("script.exe", b"MZ", "application/octet-stream")

    response = client.post(
        request_url(open_request, EDIT),
        {**response_form_data(open_request, {1: "x"}), "new_attachments": upload},
    )

    assert response.status_code == 200
    assert "File extension “exe” is not allowed." in response.content.decode()
    assert not Response.objects.exists()


def test_attachment_whose_content_is_not_what_its_name_says_is_refused_and_nothing_saved(
    client, open_request, focal_point
):
    sign_in(client, focal_point)
    upload = SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script>", "application/pdf")

    response = client.post(
        request_url(open_request, EDIT),
        {**response_form_data(open_request, {1: "Kept answer"}), "new_attachments": upload},
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "The content of this file does not match its type (.pdf)." in body
    assert "Kept answer" in body  # the answer typed is still in the form
    assert not Response.objects.exists()


# --- Another state's response ---------------------------------------------------------------


def test_focal_point_cannot_read_another_states_draft(client, open_request, focal_point):
    make_response(open_request, "DE", ["Geheimer Entwurf"], status=Response.Status.DRAFT)
    sign_in(client, focal_point)

    response = client.get(request_url(open_request, "responses/DE/"))

    assert response.status_code == 403
    assert "Geheimer Entwurf" not in body_of(response)


def test_focal_point_reads_another_states_submitted_response(client, open_request, focal_point):
    make_response(open_request, "DE", ["Eingereichte Antwort"])
    sign_in(client, focal_point)

    response = client.get(request_url(open_request, "responses/DE/"))

    assert response.status_code == 200
    assert "Eingereichte Antwort" in response.content.decode()


def test_dmr_reads_every_draft(client, open_request, dmr_user):
    make_response(open_request, "DE", ["Entwurf"], status=Response.Status.DRAFT)

    response = sign_in(client, dmr_user).get(request_url(open_request, "responses/DE/"))

    assert response.status_code == 200
    assert "Entwurf" in response.content.decode()


def test_focal_point_writes_only_for_their_own_state(
    client, open_request, focal_point, other_focal_point
):
    make_response(open_request, "DE", ["Unsere Antwort"], status=Response.Status.DRAFT)
    sign_in(client, focal_point)

    client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {1: "Written by France"}),
    )

    assert answers_of(the_response(open_request, "DE"))[1] == ("Unsere Antwort", False)
    assert answers_of(the_response(open_request, "FR"))[1] == ("Written by France", False)


def test_dmr_and_guests_have_no_response_form(client, open_request, dmr_user):
    response = sign_in(client, dmr_user).post(
        request_url(open_request, EDIT), response_form_data(open_request, {1: "DMR text"})
    )

    assert response.status_code == 403
    assert not Response.objects.exists()


# --- The deadline and the DMR's reopening ---------------------------------------------------


@pytest.fixture
def past_deadline(open_request):
    open_request.deadline = timezone.localdate() - timedelta(days=1)
    open_request.save_revision().publish()
    open_request.refresh_from_db()
    return open_request


def test_response_is_editable_until_the_end_of_the_deadline_day(client, open_request, focal_point):
    open_request.deadline = timezone.localdate()
    open_request.save_revision().publish()
    sign_in(client, focal_point)

    response = client.post(
        request_url(open_request, EDIT), response_form_data(open_request, {1: "In time"})
    )

    assert response.status_code == 302
    assert answers_of(the_response(open_request)) == {1: ("In time", False)}


def test_response_is_locked_after_the_deadline(client, past_deadline, focal_point):
    make_response(past_deadline, "FR", ["Before"], status=Response.Status.DRAFT)
    sign_in(client, focal_point)

    page = client.get(request_url(past_deadline, EDIT))
    sent = client.post(
        request_url(past_deadline, EDIT),
        response_form_data(past_deadline, {1: "Too late"}, version=1),
    )

    assert "The deadline has passed" in page.content.decode()
    assert "<textarea" not in page.content.decode()
    assert sent.status_code == 302
    assert answers_of(the_response(past_deadline))[1] == ("Before", False)


def reopen(client, request_page, code, until):
    return client.post(
        f"/admin/information/requests/{request_page.pk}/responses/",
        {"action": "reopen", "state": code, "until": until.isoformat()},
    )


def test_dmr_reopens_a_state_after_the_deadline_until_a_new_date(
    client, past_deadline, focal_point, dmr_user
):
    make_response(past_deadline, "FR", ["Before"], status=Response.Status.DRAFT)
    until = timezone.localdate() + timedelta(days=3)
    sign_in(client, dmr_user)

    assert reopen(client, past_deadline, "FR", until).status_code == 302

    client.logout()
    sign_in(client, focal_point)
    client.post(
        request_url(past_deadline, EDIT),
        response_form_data(past_deadline, {1: "After reopening"}, version=1),
    )
    assert answers_of(the_response(past_deadline))[1] == ("After reopening", False)
    assert the_response(past_deadline).reopened_until == until


def test_submitting_after_a_reopening_locks_the_response_again(
    client, past_deadline, focal_point, dmr_user
):
    sign_in(client, dmr_user)
    reopen(client, past_deadline, "FR", timezone.localdate() + timedelta(days=3))
    client.logout()
    sign_in(client, focal_point)

    client.post(
        request_url(past_deadline, EDIT),
        response_form_data(past_deadline, {1: "a", 2: "b", 3: "c"}, action="submit"),
    )
    again = client.post(
        request_url(past_deadline, EDIT),
        response_form_data(past_deadline, {1: "changed"}, version=1),
    )

    saved = the_response(past_deadline)
    assert saved.status == Response.Status.SUBMITTED
    assert saved.reopened_until is None
    assert again.status_code == 302
    assert answers_of(saved)[1] == ("a", False)


def test_reopening_ends_with_its_date(client, past_deadline, focal_point):
    response = make_response(past_deadline, "FR", ["Before"], status=Response.Status.DRAFT)
    response.reopened_until = timezone.localdate() - timedelta(days=1)
    response.save()
    sign_in(client, focal_point)

    client.post(
        request_url(past_deadline, EDIT),
        response_form_data(past_deadline, {1: "Too late again"}, version=1),
    )

    assert answers_of(the_response(past_deadline))[1] == ("Before", False)


def test_reopening_before_the_deadline_is_refused(client, open_request, dmr_user):
    sign_in(client, dmr_user)

    reopen(client, open_request, "FR", timezone.localdate() + timedelta(days=3))

    assert not Response.objects.exists()


def test_focal_point_cannot_reopen(client, past_deadline, focal_point):
    sign_in(client, focal_point)

    response = reopen(client, past_deadline, "FR", timezone.localdate() + timedelta(days=3))

    assert response.status_code in (302, 403)
    assert not Response.objects.exists()


def test_closed_request_takes_no_edits(client, open_request, focal_point):
    open_request.status = "closed"
    open_request.save_revision().publish()
    sign_in(client, focal_point)

    client.post(request_url(open_request, EDIT), response_form_data(open_request, {1: "x"}))

    assert not Response.objects.exists()


FRENCH_ANSWER = "Les mineurs sont accueillis par les services départementaux de l'aide sociale."


def test_answers_not_in_the_declared_language_are_saved_but_wait_for_confirmation(
    client, open_request, focal_point
):
    sign_in(client, focal_point)
    answers = {1: FRENCH_ANSWER, 2: None, 3: None}

    warned = client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, answers, language="en", action="submit"),
    )

    assert warned.status_code == 200
    assert "do not look like the language you chose" in warned.content.decode()
    assert the_response(open_request).status == Response.Status.DRAFT
    confirmed = client.post(
        request_url(open_request, EDIT),
        response_form_data(
            open_request, answers, version=1, language="en", action="submit", confirm_language="on"
        ),
    )
    assert confirmed.status_code == 302
    assert the_response(open_request).status == Response.Status.SUBMITTED


def test_withdrawing_a_submitted_response_makes_it_a_draft_again(client, open_request, focal_point):
    sign_in(client, focal_point)
    client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {1: "a", 2: "b", 3: "c"}, action="submit"),
    )

    client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {1: "a", 2: "b", 3: "c"}, version=1),
    )

    assert the_response(open_request).status == Response.Status.DRAFT


def test_incomplete_changes_leave_a_submitted_response_as_it_was(client, open_request, focal_point):
    sign_in(client, focal_point)
    client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {1: "a", 2: "b", 3: "c"}, action="submit"),
    )

    response = client.post(
        request_url(open_request, EDIT),
        response_form_data(open_request, {1: "changed"}, version=1, action="submit"),
    )

    assert "Nothing was changed" in response.content.decode()
    saved = the_response(open_request)
    assert saved.status == Response.Status.SUBMITTED
    assert answers_of(saved)[1] == ("a", False)
