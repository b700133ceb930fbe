"""A state's response fed hostile answers: never a server error; the submission is saved
whole or not at all; whatever is saved is shown only as text, and a refused draft is kept."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from network_pages.information.limits import ANSWER_MAX_LENGTH

from .isolation import fresh_example
from .markup import ParsedPage, field_value, injected_markup, parse, shows_as_text, squeezed
from .responses import STARTING_POINTS, content, snapshot, start_from
from .strategies import field_text
from .wire import as_received, body_of, post_form

pytestmark = pytest.mark.django_db

NOTHING_SAVED = "Nothing was saved. Please correct the errors below."
BAD_LANGUAGES = ("", "de", "EN", "en ", "<script>", "en\x00")
BAD_VERSIONS = ("", "abc", "-1", "1e9", "9" * 5000, "<b>1</b>")

Answer = tuple[str | None, bool]  # the text sent (None: no field), "no information" ticked
answer = st.tuples(st.one_of(st.none(), field_text(ANSWER_MAX_LENGTH)), st.booleans())
three_answers = st.tuples(answer, answer, answer)


def answer_is_valid(text: str, no_information: bool) -> bool:
    text = text.strip()
    return len(text) <= ANSWER_MAX_LENGTH and "\x00" not in text and not (text and no_information)


def response_fields(questions, answers: tuple[Answer, ...], **fields: str) -> dict[str, str]:
    for question, (text, no_information) in zip(questions, answers, strict=True):
        if text is not None:
            fields[f"answer_{question.pk}"] = text
        if no_information:
            fields[f"no_information_{question.pk}"] = "on"
    return fields


def posted_answers(questions, answers: tuple[Answer, ...]) -> dict[int, tuple[str, bool]]:
    return {
        question.pk: (as_received(text or "").strip(), no_information)
        for question, (text, no_information) in zip(questions, answers, strict=True)
    }


def assert_draft_kept(page: ParsedPage, questions, answers: tuple[Answer, ...]) -> None:
    assert page.alerts, "a form that comes back says why"
    assert injected_markup(page) == []
    for question, (text, _ticked) in zip(questions, answers, strict=True):
        kept = field_value(page, f"answer_{question.pk}") or ""
        assert squeezed(kept) == squeezed(as_received(text or ""))


@given(
    starting_point=st.sampled_from(STARTING_POINTS),
    answers=three_answers,
    stale=st.booleans(),
    action=st.sampled_from(["save", "submit", None]),
)
# Found by this test: a stale version on a response not yet started left an empty row.
@example(starting_point="not started", answers=(("Hello", False),) * 3, stale=True, action=None)
def test_hostile_answers_are_saved_whole_or_not_at_all_and_only_ever_shown_as_text(
    member_client, focal_point, request_page, starting_point, answers, stale, action
):
    url = f"{request_page.url}response/"
    questions = request_page.numbered_questions()
    with fresh_example():
        response = start_from(request_page, starting_point, focal_point)
        version = (response.version if response else 0) + (1 if stale else 0)
        fields = response_fields(questions, answers, language="en", version=str(version))
        if action:
            fields[action] = "1"
        posted = posted_answers(questions, answers)
        form_is_valid = all(answer_is_valid(*value) for value in posted.values())
        before = snapshot(request_page)

        reply = post_form(member_client, url, fields)

        after = snapshot(request_page)
        page = parse(body_of(reply))
        assert reply.status_code in (200, 302)
        assert (NOTHING_SAVED in page.text) == (not form_is_valid)
        if not form_is_valid:
            assert after == before
        elif reply.status_code == 302:
            assert content(after.answers) == content(posted)
        else:
            assert after == before or content(after.answers) == content(posted)
        if reply.status_code == 200:
            assert_draft_kept(page, questions, answers)
        else:
            saved = parse(body_of(member_client.get(url)))
            assert injected_markup(saved) == []
            for text, _ticked in content(after.answers).values():
                assert shows_as_text(saved, text)


# At least one of the two is wrong.
bad_language_or_version = st.one_of(
    st.tuples(st.sampled_from(BAD_LANGUAGES), st.sampled_from(["current", *BAD_VERSIONS])),
    st.tuples(st.sampled_from(["en", "fr", *BAD_LANGUAGES]), st.sampled_from(BAD_VERSIONS)),
)


@given(
    starting_point=st.sampled_from(STARTING_POINTS),
    answers=three_answers,
    language_and_version=bad_language_or_version,
    action=st.sampled_from(["save", "submit"]),
)
def test_response_with_a_bad_language_or_version_saves_nothing_and_keeps_the_draft(
    member_client, focal_point, request_page, starting_point, answers, language_and_version, action
):
    language, version = language_and_version
    url = f"{request_page.url}response/"
    questions = request_page.numbered_questions()
    with fresh_example():
        response = start_from(request_page, starting_point, focal_point)
        if version == "current":
            version = str(response.version if response else 0)
        fields = response_fields(questions, answers, language=language, version=version)
        fields[action] = "1"
        before = snapshot(request_page)

        reply = post_form(member_client, url, fields)

        page = parse(body_of(reply))
        assert reply.status_code == 200
        assert NOTHING_SAVED in page.text
        assert snapshot(request_page) == before
        assert_draft_kept(page, questions, answers)
