"""The overview read as rows (`OverviewState`, `OverviewResponse`) writes the request's page
and the DMR's list of responses byte for byte as the overview of model instances did."""

import re

import pytest
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from network_pages.information.factories import make_response
from network_pages.information.models import Response
from network_pages.information.overview import (
    Overview,
    StateRow,
    _collation_order,
    build_overview,
)
from network_pages.information.rules import StateStatus, state_status
from network_pages.information.views import admin as admin_views
from network_pages.information.views import requests as request_views
from network_pages.models import MemberState
from nfp_site.prepared_sql import prepared_objects
from tests.conftest import sign_in

from .conftest import request_url

pytestmark = pytest.mark.django_db


# `build_overview` as it was before it read rows, kept verbatim (but for its names).
def _old_responses_of(request_id: int) -> QuerySet:
    return Response.objects.filter(request_id=request_id).annotate(
        informative_answers=Count("answers", filter=Q(answers__no_information=False))
    )


def old_build_overview(request_page) -> Overview:
    found = (
        prepared_objects("tests.old_overview_responses", _old_responses_of, request_page.pk)
        if request_page.pk
        else []
    )
    responses = {r.member_state_id: r for r in found}
    states = prepared_objects("tests.old_overview_states", MemberState.objects.all)
    order = _collation_order(tuple(state.name for state in states))
    states = [states[index] for index in order]
    rows = []
    for state in states:
        response = responses.get(state.pk)
        if response is not None:
            response.member_state = state
        informative = response.informative_answers if response else None
        rows.append(StateRow(state, state_status(response, informative), response))
    counts = {status: 0 for status in StateStatus}
    for row in rows:
        counts[row.status] += 1
    return Overview(rows=rows, counts=counts)


@pytest.fixture
def hostile_responses(open_request):
    """Names with markup and quotes in both languages; every status, France's a draft."""
    MemberState.objects.filter(code="DE").update(
        name_en="Germany <b>&amp; \"Co\"</b> 'x'", name_fr="Allemagne <script>&</script>"
    )
    MemberState.objects.filter(code="IT").update(name_en="Ä <i>Italy</i>", name_fr="É & <Italie>")
    make_response(open_request, "DE", ["a", "b", "c"])
    make_response(open_request, "IT", ["a", None, "c"])
    make_response(open_request, "PL", [None, None, None])
    make_response(open_request, "FR", ["draft"], status=Response.Status.DRAFT)
    Response.objects.filter(member_state__code="IT").update(reopened_until=open_request.deadline)


def _without_tokens(body: str) -> str:
    """The CSRF token (masked anew on every response, in forms and in the admin's settings)
    and the comment form's submission key (a fresh uuid4 per form): the only parts meant to
    differ between two readings."""
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)
    body = re.sub(r'"CSRF_TOKEN": "[^"]*"', "", body)
    return re.sub(r'name="submission_key" value="[0-9a-f-]{36}"', "", body)


def _page_both_ways(client, monkeypatch, url: str, module) -> tuple[str, str]:
    with monkeypatch.context() as patched:
        patched.setattr(module, "build_overview", old_build_overview)
        old = client.get(url)
    new = client.get(url)
    assert old.status_code == new.status_code == 200
    return _without_tokens(old.content.decode()), _without_tokens(new.content.decode())


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_request_page_is_byte_for_byte_the_page_of_model_instances(
    client, monkeypatch, request, open_request, hostile_responses, language, reader
):
    sign_in(client, request.getfixturevalue(reader))
    old, new = _page_both_ways(
        client, monkeypatch, request_url(open_request, language=language), request_views
    )

    assert ("Allemagne &lt;script&gt;" if language == "fr" else "Germany &lt;b&gt;") in new
    assert new == old


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_dmrs_list_of_responses_is_byte_for_byte_the_list_of_model_instances(
    client, monkeypatch, open_request, hostile_responses, dmr_user, language
):
    profile = UserProfile.get_for_user(dmr_user)
    profile.preferred_language = language
    profile.save()
    sign_in(client, dmr_user)
    url = reverse(admin_views.URL_NAME, args=[open_request.pk])
    old, new = _page_both_ways(client, monkeypatch, url, admin_views)

    assert ("Allemagne &lt;script&gt;" if language == "fr" else "Germany &lt;b&gt;") in new
    assert new == old


def test_the_overview_reads_two_queries(django_assert_num_queries, open_request, hostile_responses):
    with django_assert_num_queries(2):
        build_overview(open_request)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_states_name_is_the_one_of_the_language_the_overview_is_built_in(
    open_request, hostile_responses, language
):
    with translation.override(language):
        names = {row.state.code: row.state.name for row in build_overview(open_request).rows}
        assert names["DE"] == MemberState.objects.get(code="DE").name
