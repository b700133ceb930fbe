"""Public search fed hostile queries and page numbers, in both languages: never a server
error, and the query is echoed only as text."""

import pytest
from django.test import Client
from hypothesis import example, given
from hypothesis import strategies as st

from home.views import MAX_QUERY_LENGTH

from .isolation import fresh_example
from .markup import injected_markup, parse, shows_as_text
from .strategies import PAYLOADS, around_the_limit, garbage_value, hostile_text
from .wire import as_received, body_of, get_with_query

pytestmark = pytest.mark.django_db

queries = st.one_of(
    hostile_text(),
    around_the_limit(MAX_QUERY_LENGTH),
    st.sampled_from(PAYLOADS).map(lambda payload: f"migration {payload}"),
    st.sampled_from(['"migration', "migration OR", "NOT", "*", "migra*", "AND AND", "-", "()"]),
)


@given(
    language=st.sampled_from(["en", "fr"]),
    query=queries,
    page=st.one_of(st.none(), garbage_value),
)
# Found by this test: a NUL (both databases) or an unbalanced quote (SQLite) was a 500.
@example(language="en", query="migration\x00", page="2\x00")
@example(language="en", query='"migration', page=None)
@example(language="fr", query="\ud800migration", page=None)  # not UTF-8 on the wire
def test_hostile_search_is_never_a_server_error_and_echoes_the_query_as_text(
    public_news, language, query, page
):
    fields = {"q": query} if page is None else {"q": query, "page": page}
    with fresh_example():
        response = get_with_query(Client(), f"/{language}/search/", fields)

        assert response.status_code == 200
        shown = parse(body_of(response))
        assert injected_markup(shown) == []
        echoed = as_received(query).strip()[:MAX_QUERY_LENGTH]
        assert shows_as_text(shown, echoed)


@given(query=st.lists(hostile_text(), min_size=2, max_size=4))
def test_repeated_search_parameters_are_never_a_server_error(public_news, query):
    with fresh_example():
        response = get_with_query(Client(), "/en/search/", {"q": query, "page": query})

        assert response.status_code == 200
        assert injected_markup(parse(body_of(response))) == []
