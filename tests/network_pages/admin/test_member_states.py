"""1.1: the DMR keeps the list of the Council of Europe's member states in the admin."""

import pytest
from django.urls import NoReverseMatch, reverse

from network_pages.models import MemberState

pytestmark = pytest.mark.django_db


def test_dmr_lists_all_46_member_states_with_code_and_both_names(dmr_client):
    response = dmr_client.get(reverse("member_states:index"))

    assert response.status_code == 200
    assert response.context["items_count"] == 46
    assert [column.name for column in response.context["table"].columns.values()] == [
        "code",
        "name_en",
        "name_fr",
    ]
    assert "Allemagne" in response.text


def test_dmr_searches_member_states_by_french_name(dmr_client):
    response = dmr_client.get(reverse("member_states:index"), {"q": "Allemagne"})

    assert [state.code for state in response.context["object_list"]] == ["DE"]


def test_dmr_edits_a_member_state(dmr_client):
    state = MemberState.objects.get(code="MK")

    response = dmr_client.post(
        reverse("member_states:edit", args=[state.pk]),
        {"code": "MK", "name_en": "North Macedonia (edited)", "name_fr": state.name_fr},
    )

    assert response.status_code == 302
    state.refresh_from_db()
    assert state.name_en == "North Macedonia (edited)"


def test_a_member_state_name_must_stay_unique(dmr_client):
    state = MemberState.objects.get(code="FR")

    response = dmr_client.post(
        reverse("member_states:edit", args=[state.pk]),
        {"code": "FR", "name_en": "Germany", "name_fr": state.name_fr},
    )

    assert response.status_code == 200
    assert "name_en" in response.context["form"].errors
    state.refresh_from_db()
    assert state.name_en == "France"


def test_member_states_cannot_be_deleted_from_the_admin(dmr_client):
    state = MemberState.objects.get(code="FR")

    with pytest.raises(NoReverseMatch):
        reverse("member_states:delete", args=[state.pk])
    response = dmr_client.post(f"/admin/member-states/delete/{state.pk}/", follow=True)

    assert response.status_code == 404
    assert MemberState.objects.filter(code="FR").exists()
