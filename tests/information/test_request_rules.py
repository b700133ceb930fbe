"""4.6: a request is in English or French and consists of concise, numbered questions
(at least one, at most 20, each at most 600 characters) with brief background (1,500)."""

import pytest
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from network_pages.area_addresses import localized
from network_pages.information import limits
from network_pages.information.admin_forms import NO_QUESTION
from network_pages.information.factories import make_request
from network_pages.information.models import InformationRequestPage
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/{language}/network/information-requests/submit/"


def site_form(questions, **fields):
    """POST data of the site's request form, with `questions` in that order."""
    data = {
        "title": "Reception of unaccompanied minors",
        "language": "en",
        "background": "",
        "deadline": (timezone.localdate() + timezone.timedelta(days=30)).isoformat(),
        "confirm_language": "on",
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "20",
        "send": "1",
    }
    for index, question in enumerate(questions):
        text, order = question if isinstance(question, tuple) else (question, "")
        data[f"questions-{index}-text"] = text
        data[f"questions-{index}-ORDER"] = order
    data.update(fields)
    return data


def test_questions_are_numbered_by_their_order(request_index):
    page = make_request(request_index, questions=["First?", "Second?", "Third?"])

    numbered = [(question.number, question.text) for question in page.numbered_questions()]

    assert numbered == [(1, "First?"), (2, "Second?"), (3, "Third?")]


def test_reordering_questions_renumbers_them_and_answers_follow_their_question(request_index):
    page = make_request(request_index, questions=["First?", "Second?"])
    first, second = page.numbered_questions()
    first.sort_order, second.sort_order = 1, 0
    first.save()
    second.save()

    renumbered = InformationRequestPage.objects.get(pk=page.pk).numbered_questions()

    assert [(q.number, q.pk) for q in renumbered] == [(1, second.pk), (2, first.pk)]


def test_site_form_orders_questions_by_the_positions_given(client, request_index, focal_point):
    sign_in(client, focal_point)

    client.post(
        SUBMIT_URL.format(language="en"),
        site_form([("Asked second?", "2"), ("Asked first?", "1"), ("Asked last?", "")]),
    )

    page = InformationRequestPage.objects.get()
    assert [q.text for q in page.numbered_questions()] == [
        "Asked first?",
        "Asked second?",
        "Asked last?",
    ]


def test_site_form_leaves_out_empty_and_removed_questions(client, request_index, focal_point):
    sign_in(client, focal_point)

    client.post(
        SUBMIT_URL.format(language="en"),
        site_form(["Kept?", "", "Removed?"], **{"questions-2-DELETE": "on"}),
    )

    assert [q.text for q in InformationRequestPage.objects.get().numbered_questions()] == ["Kept?"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_request_without_a_question_is_refused_in_the_readers_language(
    client, request_index, focal_point, language
):
    sign_in(client, focal_point)

    response = client.post(localized(SUBMIT_URL.format(language=language)), site_form(["", ""]))

    assert response.status_code == 200
    with translation.override(language):
        assert str(NO_QUESTION) in response.content.decode()
    assert not InformationRequestPage.objects.exists()


def test_request_with_more_than_20_questions_is_refused(client, request_index, focal_point):
    sign_in(client, focal_point)
    questions = [f"Question {number}?" for number in range(limits.MAX_QUESTIONS + 1)]

    response = client.post(SUBMIT_URL.format(language="en"), site_form(questions))

    assert response.status_code == 200
    assert "Ask at most 20 questions (4.6); there are 21." in response.content.decode()
    assert not InformationRequestPage.objects.exists()


def test_request_with_20_questions_is_accepted(client, request_index, focal_point):
    sign_in(client, focal_point)
    questions = [f"Question {number}?" for number in range(limits.MAX_QUESTIONS)]

    response = client.post(SUBMIT_URL.format(language="en"), site_form(questions))

    assert response.status_code == 302
    assert InformationRequestPage.objects.get().questions.count() == limits.MAX_QUESTIONS


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Ensure this value has at most 600 characters (it has 601)."),
        ("fr", "Assurez-vous que cette valeur comporte au plus 600 caractères (actuellement 601)."),
    ],
)
def test_question_longer_than_600_characters_is_refused_in_en_and_fr(
    client, request_index, focal_point, language, message
):
    sign_in(client, focal_point)

    response = client.post(localized(SUBMIT_URL.format(language=language)), site_form(["x" * 601]))

    assert message in response.content.decode()
    assert not InformationRequestPage.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Ensure this value has at most 1500 characters (it has 1501)."),
        (
            "fr",
            "Assurez-vous que cette valeur comporte au plus 1500 caractères (actuellement 1501).",
        ),
    ],
)
def test_background_longer_than_1500_characters_is_refused_in_en_and_fr(
    client, request_index, focal_point, language, message
):
    sign_in(client, focal_point)

    response = client.post(
        localized(SUBMIT_URL.format(language=language)), site_form(["Why?"], background="b" * 1501)
    )

    assert message in response.content.decode()
    assert not InformationRequestPage.objects.exists()


def test_question_of_exactly_600_characters_and_background_of_1500_are_accepted(
    client, request_index, focal_point
):
    sign_in(client, focal_point)

    response = client.post(
        SUBMIT_URL.format(language="en"), site_form(["q" * 600], background="b" * 1500)
    )

    assert response.status_code == 302
    assert InformationRequestPage.objects.get().background == "b" * 1500


def test_request_in_a_language_other_than_english_or_french_cannot_be_declared(
    client, request_index, focal_point
):
    sign_in(client, focal_point)

    response = client.post(SUBMIT_URL.format(language="en"), site_form(["Why?"], language="de"))

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not InformationRequestPage.objects.exists()


def test_deadline_in_the_past_is_refused(client, request_index, focal_point):
    sign_in(client, focal_point)

    response = client.post(
        SUBMIT_URL.format(language="en"),
        site_form(["Why?"], deadline=timezone.localdate().isoformat()),
    )

    assert "The deadline must be a date after today." in response.content.decode()
    assert not InformationRequestPage.objects.exists()


def test_add_a_question_keeps_what_was_typed_and_creates_nothing(
    client, request_index, focal_point
):
    sign_in(client, focal_point)
    data = site_form(["Typed already?"], add_question="1")
    data.pop("send")

    response = client.post(SUBMIT_URL.format(language="en"), data)

    assert response.status_code == 200
    assert "Typed already?" in response.content.decode()
    assert response.context["questions"].total_form_count() == 2
    assert not InformationRequestPage.objects.exists()


# --- The admin's page form: the same limits for the DMR -------------------------------------


def admin_form_data(parent, questions):
    return nested_form_data(
        {
            "title": "A request written in the admin",
            "slug": "admin-request",
            "language": "en",
            "status": "open",
            "deadline": (timezone.localdate() + timezone.timedelta(days=30)).isoformat(),
            "background": "",
            "member_state": "",
            "requested_by": "",
            "questions": inline_formset([{"text": text} for text in questions]),
            "comments": inline_formset([]),
        }
    )


def admin_add_url(parent) -> str:
    return f"/admin/pages/add/information/informationrequestpage/{parent.pk}/"


def test_dmr_creates_a_request_with_numbered_questions_in_the_admin(
    client, request_index, dmr_user
):
    sign_in(client, dmr_user)

    response = client.post(admin_add_url(request_index), admin_form_data(request_index, ["A?"]))

    assert response.status_code == 302
    page = InformationRequestPage.objects.get(slug="admin-request", alias_of__isnull=True)
    assert [q.number for q in page.numbered_questions()] == [1]


def test_admin_refuses_a_request_without_a_question(client, request_index, dmr_user):
    sign_in(client, dmr_user)

    response = client.post(admin_add_url(request_index), admin_form_data(request_index, []))

    assert response.status_code == 200
    assert "Ask at least one question (4.6)." in response.content.decode()
    assert not InformationRequestPage.objects.filter(slug="admin-request").exists()


def test_admin_refuses_a_question_longer_than_600_characters(client, request_index, dmr_user):
    sign_in(client, dmr_user)

    response = client.post(
        admin_add_url(request_index), admin_form_data(request_index, ["x" * 601])
    )

    assert response.status_code == 200
    assert not InformationRequestPage.objects.filter(slug="admin-request").exists()
