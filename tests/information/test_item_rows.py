"""The information item index's summaries written in Python (`network_pages/information/
item_rows.py`) are, byte for byte, what the template loop they replaced wrote (issue 17): in
English and French, for a Focal Point and the DMR, with items in the reader's language and in
the other one, with and without a state, themes or a publication date, with values to escape,
and with no item at all."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Engine
from django.utils import translation

from network_pages.information.factories import make_item
from network_pages.information.item_rows import summaries_html
from network_pages.information.models import InformationItemPage
from network_pages.models import MemberState
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

# information_item_index_page.html's loop and components/_language_tag.html, as they were
# before the summaries were written in Python (main at a2a58ca), verbatim.
OLD_LOOP = """{% load content_language i18n %}{% for item in items %}
{% foreign_language item as lang %}<article class="information-item-summary">
    <h2><a href="{{ item.listing_url }}"{% if lang %} lang="{{ lang }}" hreflang="{{ lang }}"{% endif %}>{{ item.title }}</a>{% include "network_pages/components/_language_tag.html" %}</h2>
    <p class="item-meta">
        {{ item.get_item_type_display }}
        {% if item.member_state %} · {% blocktranslate with state=item.member_state.name %}Submitted by {{ state }}{% endblocktranslate %}{% endif %}
        {% if item.good_practice %} · <strong>{% translate "Good practice" %}</strong>{% endif %}
        {% if item.first_published_at %} · <time datetime="{{ item.first_published_at|date:'Y-m-d' }}">{{ item.first_published_at|date:"DATE_FORMAT" }}</time>{% endif %}
    </p>
    <p{% if lang %} lang="{{ lang }}"{% endif %}>{{ item.summary }}</p>
    {% if item.themes %}<p class="themes">{% translate "Themes:" %} {% for theme in item.themes %}{{ theme.name }}{% if not forloop.last %}, {% endif %}{% endfor %}</p>{% endif %}
</article>
{% empty %}
<p>{% translate "No information matches these filters." %}</p>
{% endfor %}"""  # noqa: E501 - the template's lines as they were
OLD_LANGUAGE_TAG = """{% load i18n %}{% if lang %}{% get_current_language as reader_language %} <span class="language-tag" lang="{{ reader_language }}">({% if lang == "en" %}{% translate "in English" %}{% else %}{% translate "in French" %}{% endif %})</span>{% endif %}"""  # noqa: E501
OLD_ENGINE = Engine(
    loaders=[
        (
            "django.template.loaders.locmem.Loader",
            {"network_pages/components/_language_tag.html": OLD_LANGUAGE_TAG},
        )
    ],
    libraries={
        "i18n": "django.templatetags.i18n",
        "content_language": "network_pages.templatetags.content_language",
    },
    builtins=["nfp_site.dates"],  # the site's `date` filter, as in settings
)

INDEX = {"en": "/en/network/information/", "fr": "/fr/reseau/informations-et-bonnes-pratiques/"}
HOSTILE = '<script>alert("x")</script> & l\'été'


def by_the_old_loop(items) -> str:
    return OLD_ENGINE.from_string(OLD_LOOP).render(Context({"items": items}))


class Theme:
    def __init__(self, name: str) -> None:
        self.name = name


def made_items() -> list[InformationItemPage]:
    """Every branch of the loop: a state or none, good practice or not, a publication date
    on the first of a month (« 1er » in French) or none, themes or none, either language."""
    hostile_state = MemberState(pk=901, code="XX", name_en=HOSTILE, name_fr="É" + HOSTILE)
    items = [
        InformationItemPage(
            pk=1,
            title=HOSTILE,
            summary=HOSTILE + "\nsecond line",
            language="en",
            item_type=InformationItemPage.Kind.MEMBER_INFORMATION,
            member_state=hostile_state,
            good_practice=True,
            first_published_at=datetime(2026, 12, 1, 23, 30, tzinfo=UTC),
        ),
        InformationItemPage(
            pk=2,
            title="Actualités du comité",
            summary="Résumé",
            language="fr",
            item_type=InformationItemPage.Kind.DMR_NEWS,
            first_published_at=datetime(2026, 3, 14, 9, 0, tzinfo=UTC),
        ),
        InformationItemPage(
            pk=3, title="Undated", summary="", language="en", first_published_at=None
        ),
    ]
    items[0].listing_url = '/en/network/information/a&b"<c>/'
    items[1].listing_url = "/en/network/information/actualites/"
    items[2].listing_url = "/en/network/information/undated/"
    items[0].themes = [Theme(HOSTILE), Theme("asylum")]
    items[1].themes = [Theme("comités")]
    items[2].themes = []
    return items


@pytest.mark.parametrize("language", ["en", "fr"])
def test_made_summaries_are_written_as_the_template_loop_wrote_them(language):
    items = made_items()
    with translation.override(language):
        expected = by_the_old_loop(items)

        assert summaries_html(items) == expected
    assert "<script>" not in expected
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#x27;été" in expected
    assert 'class="language-tag"' in expected  # one item in the other language


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_summary_is_written_as_the_template_loops_empty_branch(language):
    with translation.override(language):
        assert summaries_html([]) == by_the_old_loop([])


@pytest.fixture
def hostile_catalogue(item_index):
    state = MemberState.objects.get(code="FR")
    make_item(
        item_index,
        title=HOSTILE,
        summary=HOSTILE,
        member_state=state,
        good_practice=True,
        themes=(HOSTILE, "asylum"),
    )
    make_item(item_index, title="Nouvelles", language="fr", item_type="dmr_news")
    make_item(item_index, title="Without themes", member_state=state)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
@pytest.mark.parametrize("query", ["", "?state=FR", "?theme=asylum", "?type=member_information"])
def test_a_readers_item_index_is_written_as_the_template_wrote_it(
    client, hostile_catalogue, request, reader, language, query
):
    sign_in(client, request.getfixturevalue(reader))
    response = client.get(INDEX[language] + query)
    assert response.status_code == 200
    items = list(response.context["items"])
    assert items

    with translation.override(language):
        expected = by_the_old_loop(items)

    assert expected in response.content.decode()


def test_an_item_index_with_no_match_says_so_as_the_template_did(
    client, hostile_catalogue, focal_point
):
    sign_in(client, focal_point)
    response = client.get("/en/network/information/?state=DE")

    with translation.override("en"):
        expected = by_the_old_loop([])

    assert expected in response.content.decode()
