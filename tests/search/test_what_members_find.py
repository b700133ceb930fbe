"""What a Focal Point finds: every answer any state gave that they may read, and nothing they
may not, not even in the number of results or the counts per kind."""

import pytest
from django.utils.translation import override

from network_pages.community import thematic_groups
from network_pages.information.models import Response
from network_pages.search.models import SearchEntry
from tests.conftest import sign_in

from .conftest import body_of, search_url

pytestmark = pytest.mark.django_db


def plain(body: str) -> str:
    return body.replace("<mark>", "").replace("</mark>", "")


def test_a_focal_point_finds_submitted_answers_of_other_states_and_their_own_draft(
    client, library, focal_point
):
    sign_in(client, focal_point)

    body = plain(body_of(client.get(search_url(q="digitalisation", kind="response"))))

    assert "digitalisation started in 2020 (Germany)" in body
    assert "Brouillon français sur la digitalisation" in body
    assert "Italian draft" not in body
    assert "2 results" in body


def test_another_states_draft_is_not_counted_anywhere(client, library, other_focal_point):
    sign_in(client, other_focal_point)

    response = client.get(search_url(q="digitalisation"))
    body = plain(body_of(response))

    assert "Brouillon" not in body and "Italian draft" not in body
    outcome = response.context["outcome"]
    assert outcome.kind_counts[SearchEntry.Kind.RESPONSE] == 1
    assert outcome.total == sum(outcome.kind_counts.values())


def test_the_dmr_finds_every_draft(client, library, dmr_user):
    sign_in(client, dmr_user)

    body = plain(body_of(client.get(search_url(q="digitalisation", kind="response"))))

    assert "Brouillon" in body and "Italian draft" in body and "3 results" in body


def test_a_members_only_workspace_is_found_by_its_members_only(
    client, library, focal_point, django_capture_on_commit_callbacks
):
    sign_in(client, focal_point)
    url = search_url(q="digitalisation", kind="workspace_update")

    assert "Call about" not in body_of(client.get(url))

    thematic_groups.join(focal_point, library["group"])

    assert "Call about" in plain(body_of(client.get(url)))


def test_a_submitted_response_becomes_searchable_once_its_transaction_commits(
    client, library, other_focal_point, django_capture_on_commit_callbacks
):
    sign_in(client, other_focal_point)
    italian = Response.objects.get(member_state__code="IT")
    url = search_url(q="Italian", kind="response")
    assert "Italian draft" not in body_of(client.get(url))

    with django_capture_on_commit_callbacks(execute=True):
        italian.status = Response.Status.SUBMITTED
        italian.save()

    assert "Italian draft about" in plain(body_of(client.get(url)))


def test_unpublishing_a_page_takes_it_and_its_comments_out_of_the_search(
    client, library, focal_point, django_capture_on_commit_callbacks
):
    sign_in(client, focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        library["item"].unpublish()

    body = plain(body_of(client.get(search_url(q="digitalisation"))))

    assert "reception centres" not in body
    assert "My comment" not in body
    assert not SearchEntry.objects.filter(page=library["item"]).exists()


def test_hidden_and_deleted_comments_are_not_found(
    client, library, focal_point, dmr_user, django_capture_on_commit_callbacks
):
    from network_pages.community.comments import posting

    sign_in(client, dmr_user)
    with django_capture_on_commit_callbacks(execute=True):
        posting.hide_comment(library["comment"], by=dmr_user, reason="Personal data.")

    body = plain(body_of(client.get(search_url(q="digitalisation", kind="comment"))))

    assert "My comment" not in body


@pytest.mark.parametrize(
    ("params", "expected", "absent"),
    [
        ({"state": "DE"}, "started in 2020", "Brouillon"),
        ({"language": "fr"}, "Brouillon", "started in 2020"),
        ({"kind": "meeting"}, "Plenary on", "Tablets for"),
        ({"date_from": "2099-01-01"}, "0 results", "Adoption of the agenda"),
    ],
)
def test_filters_narrow_what_the_reader_may_read(
    client, library, focal_point, params, expected, absent
):
    sign_in(client, focal_point)

    body = plain(body_of(client.get(search_url(q="digitalisation", **params))))

    assert expected in body
    assert absent not in body


def test_a_period_that_ends_before_it_starts_is_an_error_not_a_search(client, library, dmr_user):
    sign_in(client, dmr_user)

    response = client.get(
        search_url(q="digitalisation", date_from="2026-05-01", date_to="2026-01-01")
    )

    assert response.status_code == 200
    assert response.context["outcome"] is None
    assert "comes before its start" in body_of(response)


def test_the_interface_is_in_french_under_fr(client, library, focal_point):
    sign_in(client, focal_point)

    body = body_of(client.get(search_url("fr", q="digitalisation")))

    assert "Rechercher dans l'espace du réseau" in body
    assert "Filtres" in body
    with override("fr"):
        assert "résultats pour" in body


def test_a_french_reader_is_sent_to_the_french_address_of_a_page(client, library, focal_point):
    sign_in(client, focal_point)

    body = body_of(client.get(search_url("fr", q="digitalisation", kind="meeting")))

    assert 'href="/fr/reseau/reunions/plenary-digital/"' in body


@pytest.mark.parametrize("query", ['"digitalisation', "digitalisation\x00", "'", "*", "-"])
def test_odd_queries_are_never_a_server_error(client, library, focal_point, query):
    sign_in(client, focal_point)

    assert client.get(search_url(q=query)).status_code == 200


def test_a_meetings_decisions_are_found_with_the_meeting(
    client, library, focal_point, django_capture_on_commit_callbacks
):
    from network_pages.decisions.models import Decision

    sign_in(client, focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        Decision.objects.create(meeting=library["other_meeting"], text="Adopt the okapi plan.")

    body = plain(body_of(client.get(search_url(q="okapi"))))

    assert "Plenary on digitalisation and other matters" in body


def test_a_meeting_or_a_thematic_group_narrows_the_search_to_it(client, library, dmr_user):
    sign_in(client, dmr_user)
    meeting, group = library["meeting"], library["group"]

    def pages_found(**params) -> set[int]:
        response = client.get(search_url(q="digitalisation", **params))
        return {hit.entry.page_id for hit in response.context["outcome"].hits}

    assert pages_found(meeting=meeting.pk) == {meeting.pk}
    assert pages_found(group=group.pk) == {group.pk, library["update"].pk}


def test_a_guest_is_offered_only_the_meetings_they_may_open(client, library, guest):
    sign_in(client, guest)

    body = body_of(client.get(search_url()))

    assert "Thematic session on digitalisation" in body
    assert "Plenary on digitalisation" not in body
    assert "Digital tools" not in body
