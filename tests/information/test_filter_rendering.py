"""The listings' filter forms are rendered once per process for each set of inputs
(`network_pages/information/filter_rendering.py`, issue 17): what a reader is served is what
Django writes for their own form (`str(form)`, as the templates' `{{ filter_form }}` wrote
it), whatever was rendered before for other languages, choices or selections."""

import pytest
from django.http import QueryDict
from django.utils import translation

from network_pages.information.factories import make_item
from network_pages.information.filter_rendering import forget_rendered, rendered_once
from network_pages.information.forms import ItemFilterForm, RequestFilterForm
from network_pages.information.models import InformationItemPage
from network_pages.information.views.items import State, Theme
from network_pages.models import MemberState
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

LISTINGS = {
    ("items", "en"): "/en/network/information/",
    ("items", "fr"): "/fr/reseau/informations-et-bonnes-pratiques/",
    ("requests", "en"): "/en/network/information-requests/",
    ("requests", "fr"): "/fr/reseau/demandes-d-information/",
}
HOSTILE = '<script>alert("x")</script> & l\'été'
STATES = (State("FR", "France"), State("X&", HOSTILE))
THEMES = (Theme("asylum", "asylum"), Theme("x-y", HOSTILE))


@pytest.fixture(autouse=True)
def _nothing_rendered_yet():
    forget_rendered()
    yield
    forget_rendered()


def item_filters(query: str, states=STATES, themes=THEMES) -> ItemFilterForm:
    return ItemFilterForm(
        QueryDict(query) or None,
        states=states,
        themes=themes,
        types=InformationItemPage.Kind.choices,
    )


def test_each_reader_is_given_what_django_writes_for_their_own_form():
    """Rendered in turn, in English, French and English again: each its own writing."""
    for language in ("en", "fr", "en"):
        with translation.override(language):
            for asked in ("", "page=2", "state=X%26&theme=x-y", "state=ZZ&theme=no"):
                form = item_filters(asked)
                assert rendered_once(form, STATES, THEMES) == str(item_filters(asked))


def test_a_selection_in_error_is_written_with_its_error():
    with translation.override("en"):
        rendered_once(item_filters("state=FR"), STATES, THEMES)
        html = rendered_once(item_filters("state=ZZ"), STATES, THEMES)

    assert "errorlist" in html
    assert '<option value="FR" selected>' not in html


def test_a_repeated_value_is_another_input():
    with translation.override("en"):
        rendered_once(item_filters("state=FR"), STATES, THEMES)
        repeated = item_filters("state=FR&state=X%26")

        assert rendered_once(repeated, STATES, THEMES) == str(item_filters("state=FR&state=X%26"))


def test_other_choices_are_another_input():
    other_states = (State("DE", "Germany"),)
    with translation.override("en"):
        rendered_once(item_filters(""), STATES, THEMES)
        html = rendered_once(item_filters("", states=other_states), other_states, THEMES)

    assert "Germany" in html
    assert "France" not in html


def test_the_choices_are_escaped_as_django_escapes_them():
    with translation.override("fr"):
        html = rendered_once(item_filters(""), STATES, THEMES)

    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#x27;été" in html


def test_a_request_filter_in_french_after_english_is_french():
    with translation.override("en"):
        english = rendered_once(RequestFilterForm(None))
    with translation.override("fr"):
        french = rendered_once(RequestFilterForm(None))
        assert french == str(RequestFilterForm(None))

    assert english != french


@pytest.fixture
def catalogue(item_index):
    make_item(
        item_index,
        title="Listed",
        member_state=MemberState.objects.get(code="FR"),
        themes=(HOSTILE, "asylum"),
    )


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
@pytest.mark.parametrize(
    ("listing", "query"),
    [
        ("items", ""),
        ("items", "?state=FR&theme=asylum&good_practice=on"),
        ("items", "?state=ZZ"),
        ("requests", ""),
        ("requests", "?status=closed"),
        ("requests", "?status=bogus"),
    ],
)
def test_a_readers_listing_carries_the_form_as_the_template_wrote_it(
    client, catalogue, request, reader, language, listing, query
):
    sign_in(client, request.getfixturevalue(reader))
    response = client.get(LISTINGS[listing, language] + query)
    assert response.status_code == 200

    with translation.override(language):
        written_by_django = str(response.context["filter_form"])

    assert f"\n    {written_by_django}\n    <button" in response.content.decode()
