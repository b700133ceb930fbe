"""A compilation's questions and answers, once written, are kept by the worker under
everything they are written from (`compilation_rows.compiled_questions`, issue 17): the
page served from them is the page written anew, and an answer, a state's or a responder's
name, a response withdrawn or the reader's language changed is never served from an older
one."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from network_pages.information.factories import make_response
from network_pages.information.models import Answer, Response
from network_pages.information.views import compilation as compilation_views
from network_pages.models import MemberState
from nfp_site import fragments
from tests.conftest import sign_in

from .conftest import request_url
from .test_compilation_page_as_before import _without_tokens
from .test_compilation_sections_as_before import FIXED_NOW, hostile_request  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixed_time(monkeypatch):
    # The page says when it was compiled, to the minute: the same moment for every reading.
    monkeypatch.setattr(compilation_views, "timezone", SimpleNamespace(now=lambda: FIXED_NOW))


def compilation_of(client, page, language: str = "en") -> str:
    response = client.get(request_url(page, "compilation/", language=language))
    assert response.status_code == 200
    return _without_tokens(response.content.decode())


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_a_kept_compilation_is_the_compilation_written_anew(
    client,
    request,
    hostile_request,  # noqa: F811 - the fixture, imported above
    fixed_time,
    language,
    reader,
):
    sign_in(client, request.getfixturevalue(reader))
    fragments.forget_rendered()
    written = compilation_of(client, hostile_request, language)
    kept = compilation_of(client, hostile_request, language)
    fragments.forget_rendered()
    written_again = compilation_of(client, hostile_request, language)

    assert kept == written == written_again
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in kept


def test_an_answer_changed_is_never_served_from_the_kept_compilation(
    client, focal_point, open_request, fixed_time
):
    response = make_response(open_request, "DE", ["Before the change", None, "c"])
    sign_in(client, focal_point)
    assert "Before the change" in compilation_of(client, open_request)

    Answer.objects.filter(response=response, text="Before the change").update(
        text="After the change"
    )
    page = compilation_of(client, open_request)

    assert "After the change" in page and "Before the change" not in page


def test_a_state_or_responder_renamed_is_never_served_from_the_kept_compilation(
    client, focal_point, other_focal_point, open_request, fixed_time
):
    make_response(open_request, "DE", ["a", "b", "c"], submitted_by=other_focal_point)
    sign_in(client, focal_point)
    compilation_of(client, open_request)

    MemberState.objects.filter(code="DE").update(name_en="Renamed state")
    get_user_model().objects.filter(pk=other_focal_point.pk).update(
        first_name="Renamed", last_name="Responder"
    )
    page = compilation_of(client, open_request)

    assert "Renamed state" in page and "Renamed Responder" in page


def test_a_response_withdrawn_to_draft_leaves_the_kept_compilation(
    client, focal_point, open_request, fixed_time
):
    response = make_response(open_request, "DE", ["Soon a draft again", "b", "c"])
    sign_in(client, focal_point)
    assert "Soon a draft again" in compilation_of(client, open_request)

    Response.objects.filter(pk=response.pk).update(status=Response.Status.DRAFT)

    assert "Soon a draft again" not in compilation_of(client, open_request)


def test_the_other_language_is_never_served_from_the_kept_compilation(
    client, focal_point, open_request, fixed_time
):
    # A state named alike in both languages: only the words tell the languages apart.
    MemberState.objects.filter(code="DE").update(name_en="Deutschland", name_fr="Deutschland")
    make_response(open_request, "DE", ["a", None, "c"])
    sign_in(client, focal_point)
    english = compilation_of(client, open_request, "en")
    french = compilation_of(client, open_request, "fr")

    assert "No information available" in english
    assert "No information available" not in french
    assert "Aucune information disponible" in french
