"""The information request index's rows written in Python (`network_pages/information/
request_rows.py`) are, byte for byte, what the template loop they replaced wrote (issue 17):
in English and French, for a Focal Point (with their state's response in a column) and the
DMR (without), with requests in the reader's language and in the other one, from a state or
from the DMR, open or closed, with values to escape."""

from datetime import date

import pytest
from django.template import Context, Engine
from django.utils import timezone, translation

from network_pages.information.factories import make_request, make_response
from network_pages.information.models import InformationRequestPage, Response
from network_pages.information.request_rows import rows_html
from network_pages.models import MemberState
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

# information_request_index_page.html's loop, as it was before the rows were written in
# Python (main at a2a58ca), verbatim.
OLD_LOOP = """{% load content_language i18n %}    {% for item in requests %}
        <tr>
            {% foreign_language item as lang %}<th scope="row"><a href="{{ item.listing_url }}"{% if lang %} lang="{{ lang }}" hreflang="{{ lang }}"{% endif %}>{{ item.title }}</a></th>
            <td>{% if item.member_state %}{{ item.member_state.name }}{% else %}{% translate "DMR Secretariat" %}{% endif %}</td>
            <td>{{ item.get_language_display }}</td>
            <td><time datetime="{{ item.deadline|date:'Y-m-d' }}">{{ item.deadline|date:"DATE_FORMAT" }}</time></td>
            <td>{{ item.get_status_display }}</td>
            {% if own_state %}<td>{% if item.own_status == "submitted" %}{% translate "Submitted" %}{% elif item.own_status == "draft" %}{% translate "Draft" %}{% else %}{% translate "Not started" %}{% endif %}</td>{% endif %}
        </tr>
    {% endfor %}"""  # noqa: E501 - the template's lines as they were
OLD_ENGINE = Engine(
    libraries={
        "i18n": "django.templatetags.i18n",
        "content_language": "network_pages.templatetags.content_language",
    },
    builtins=["nfp_site.dates"],  # the site's `date` filter, as in settings
)
INDEX = {"en": "/en/network/information-requests/", "fr": "/fr/reseau/demandes-d-information/"}
HOSTILE = '<script>alert("x")</script> & l\'été'


def by_the_old_loop(requests, own_state) -> str:
    context = Context({"requests": requests, "own_state": own_state})
    return OLD_ENGINE.from_string(OLD_LOOP).render(context)


def by_the_rows(requests, own_state) -> str:
    """The rows in the place of the loop, after its line's indentation."""
    return "    " + rows_html(requests, with_own_status=own_state is not None)


def made_requests() -> list[InformationRequestPage]:
    """Every branch of the loop: from a state or the DMR, either language, open or closed, a
    deadline on the first of a month (« 1er » in French), each status of the reader's
    state's response."""
    hostile_state = MemberState(pk=901, code="XX", name_en=HOSTILE, name_fr="É" + HOSTILE)
    requests = [
        InformationRequestPage(
            pk=1,
            title=HOSTILE,
            language="en",
            member_state=hostile_state,
            deadline=date(2026, 12, 1),
            status=InformationRequestPage.Status.OPEN,
        ),
        InformationRequestPage(
            pk=2,
            title="Accueil des mineurs",
            language="fr",
            deadline=date(2027, 3, 14),
            status=InformationRequestPage.Status.CLOSED,
        ),
        InformationRequestPage(
            pk=3, title="Draft answered", language="en", deadline=date(2026, 1, 31)
        ),
    ]
    for item, own_status in zip(requests, ["submitted", "draft", None], strict=True):
        item.listing_url = f'/en/network/information-requests/{item.pk}/?a=1&b="2"'
        item.own_status = own_status
    return requests


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("own_state", [None, MemberState(pk=902, code="FR", name_en="France")])
def test_made_rows_are_written_as_the_template_loop_wrote_them(language, own_state):
    requests = made_requests()
    with translation.override(language):
        expected = by_the_old_loop(requests, own_state)

        assert by_the_rows(requests, own_state) == expected
    assert "<script>" not in expected
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#x27;été" in expected
    # Four cells in each of the three rows, and the reader's state's response in a fifth.
    assert expected.count("<td>") == (15 if own_state else 12)


@pytest.fixture
def hostile_requests(request_index):
    soon = timezone.localdate() + timezone.timedelta(days=10)
    first = make_request(
        request_index,
        title=HOSTILE,
        questions=["Which?"],
        deadline=soon,
        member_state=MemberState.objects.get(code="DE"),
    )
    make_request(request_index, title="Demande", questions=["Quoi ?"], deadline=soon, language="fr")
    make_request(
        request_index,
        title="Closed",
        questions=["Q?"],
        deadline=soon,
        status=InformationRequestPage.Status.CLOSED,
    )
    # France's (the Focal Point's state's) draft; Germany's own request, unanswered.
    make_response(first, "FR", ["Réponse"], status=Response.Status.DRAFT)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
@pytest.mark.parametrize("query", ["", "?status=open", "?status=closed"])
def test_a_readers_request_index_is_written_as_the_template_wrote_it(
    client, hostile_requests, request, reader, language, query
):
    sign_in(client, request.getfixturevalue(reader))
    response = client.get(INDEX[language] + query)
    assert response.status_code == 200
    requests = list(response.context["requests"])
    own_state = response.context["own_state"]
    assert requests
    assert (own_state is None) == (reader == "dmr_user")

    with translation.override(language):
        expected = by_the_old_loop(requests, own_state)

    assert expected in response.content.decode()
