"""A response form sent malformed: unknown or missing fields, question numbers that are not
numbers, lists where one value is expected, garbage in every field. Never a server error,
and a refused form saves nothing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from network_pages.information.limits import ANSWER_MAX_LENGTH

from .isolation import fresh_example
from .markup import injected_markup, parse
from .responses import STARTING_POINTS, snapshot, start_from
from .strategies import field_text, garbage_value
from .wire import body_of, post_form

pytestmark = pytest.mark.django_db

NOTHING_SAVED = "Nothing was saved. Please correct the errors below."
FIELD_NAMES = (
    "version",
    "language",
    "save",
    "submit",
    "confirm_language",
    "remove_attachments",
    "new_attachments",
    "answer_{first}",
    "answer_{last}",
    "no_information_{first}",
    "no_information_{last}",
    "answer_",
    "answer_abc",
    "answer_-1",
    "answer_99999999999999999999",
    "no_information_x",
    "member_state",
    "status",
)
malformed_fields = st.dictionaries(
    keys=st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12)),
    values=st.one_of(garbage_value, field_text(ANSWER_MAX_LENGTH)),
    min_size=1,
    max_size=6,
)


@given(
    starting_point=st.sampled_from(STARTING_POINTS),
    malformed=malformed_fields,
    dropped=st.sets(st.sampled_from(["version", "language", "save"])),
)
def test_malformed_response_form_is_never_an_error_and_a_refused_one_saves_nothing(
    member_client, focal_point, request_page, starting_point, malformed, dropped
):
    questions = request_page.numbered_questions()
    names = {"first": questions[0].pk, "last": questions[-1].pk}
    with fresh_example():
        response = start_from(request_page, starting_point, focal_point)
        fields = {
            "version": str(response.version if response else 0),
            "language": "en",
            "save": "1",
            f"answer_{questions[0].pk}": "A well-formed answer.",
        }
        for name in dropped:
            fields.pop(name)
        # Only our own names are templates; a random one may hold a stray "{".
        fields.update(
            {
                (name.format(**names) if name in FIELD_NAMES else name): value
                for name, value in malformed.items()
            }
        )
        before = snapshot(request_page)

        reply = post_form(member_client, f"{request_page.url}response/", fields)

        assert reply.status_code in (200, 302)
        page = parse(body_of(reply))
        assert injected_markup(page) == []
        if NOTHING_SAVED in page.text:
            assert snapshot(request_page) == before
