"""Agenda suggestions (4.4) fed hostile titles and rationales: never a server error; an
accepted suggestion is shown only as text; a refused one saves nothing, says why and keeps
the draft."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from network_pages.meetings.models import AgendaSuggestion

from .conftest import EXISTING_SUGGESTION
from .isolation import fresh_example
from .markup import field_value, injected_markup, parse, shows_as_text, squeezed
from .strategies import field_text, garbage_value
from .wire import as_received, body_of, post_form

pytestmark = pytest.mark.django_db

TITLE_LIMIT = AgendaSuggestion._meta.get_field("title").max_length
RATIONALE_LIMIT = AgendaSuggestion._meta.get_field("rationale").max_length

titles = st.one_of(
    field_text(TITLE_LIMIT),
    st.sampled_from(
        [EXISTING_SUGGESTION, f"  {EXISTING_SUGGESTION}\t", EXISTING_SUGGESTION.upper()]
    ),
)


def valid(text: str, limit: int) -> bool:
    text = text.strip()
    return bool(text) and len(text) <= limit and "\x00" not in text


def suggestion_rows() -> list[tuple]:
    return list(
        AgendaSuggestion.objects.order_by("pk").values_list(
            "pk", "meeting_id", "title", "rationale", "suggested_by_id", "status"
        )
    )


@given(title=titles, rationale=field_text(RATIONALE_LIMIT))
def test_hostile_suggestion_is_never_a_server_error_and_is_only_ever_shown_as_text(
    member_client, meeting, title, rationale
):
    title_received, rationale_received = as_received(title), as_received(rationale)
    form_is_valid = valid(title_received, TITLE_LIMIT) and valid(
        rationale_received, RATIONALE_LIMIT
    )
    with fresh_example():
        before = suggestion_rows()

        response = post_form(
            member_client, f"{meeting.url}suggest/", {"title": title, "rationale": rationale}
        )

        assert response.status_code == (302 if form_is_valid else 400)
        if response.status_code == 400:
            page = parse(body_of(response))
            assert suggestion_rows() == before
            assert page.alerts, "a refused suggestion says why"
            assert squeezed(field_value(page, "title") or "") == squeezed(title_received)
            assert squeezed(field_value(page, "rationale") or "") == squeezed(rationale_received)
            assert injected_markup(page) == []
            return
        page = parse(body_of(member_client.get(response["Location"])))
        assert injected_markup(page) == []
        new = AgendaSuggestion.objects.exclude(pk__in=[row[0] for row in before])
        if title_received.strip() == EXISTING_SUGGESTION:
            assert not new.exists()
            assert "You have already suggested this item." in page.text
            return
        suggestion = new.get()
        assert (suggestion.title, suggestion.rationale) == (
            title_received.strip(),
            rationale_received.strip(),
        )
        assert shows_as_text(page, suggestion.title)
        assert shows_as_text(page, suggestion.rationale)


@given(
    fields=st.dictionaries(
        keys=st.one_of(
            st.sampled_from(
                ["title", "rationale", "meeting", "suggested_by", "member_state", "status"]
            ),
            st.text(max_size=12),
        ),
        values=st.one_of(garbage_value, field_text(RATIONALE_LIMIT)),
        max_size=6,
    )
)
def test_malformed_suggestion_is_never_an_error_and_never_chooses_its_author_or_status(
    member_client, meeting, focal_point, fields
):
    with fresh_example():
        before = suggestion_rows()

        response = post_form(member_client, f"{meeting.url}suggest/", fields)

        assert response.status_code in (302, 400)
        if response.status_code == 400:
            assert suggestion_rows() == before
            assert injected_markup(parse(body_of(response))) == []
        for suggestion in AgendaSuggestion.objects.exclude(pk__in=[row[0] for row in before]):
            assert suggestion.meeting_id == meeting.pk
            assert suggestion.suggested_by_id == focal_point.pk
            assert suggestion.member_state.code == "FR"
            assert suggestion.status == AgendaSuggestion.Status.PENDING
