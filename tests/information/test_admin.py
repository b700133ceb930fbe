"""The DMR's side in the admin: request and item pages edit, preview, and the link from a
request to its responses view."""

import pytest

from network_pages.information.factories import make_item
from network_pages.models import MemberState
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_dmr_edits_a_request_and_finds_its_responses_view(client, open_request, dmr_user):
    response = sign_in(client, dmr_user).get(f"/admin/pages/{open_request.pk}/edit/")

    assert response.status_code == 200
    assert f"/admin/information/requests/{open_request.pk}/responses/" in response.content.decode()


def test_dmr_previews_a_request(client, open_request, dmr_user):
    sign_in(client, dmr_user)

    response = client.get(f"/admin/pages/{open_request.pk}/edit/preview/")

    assert response.status_code == 200


def test_dmr_edits_an_item(client, item_index, dmr_user):
    item = make_item(item_index, member_state=MemberState.objects.get(code="DE"), themes=("x",))

    response = sign_in(client, dmr_user).get(f"/admin/pages/{item.pk}/edit/")

    assert response.status_code == 200


def test_dmr_opens_the_add_form_of_both_page_types(client, request_index, item_index, dmr_user):
    sign_in(client, dmr_user)

    for model, parent in (
        ("informationrequestpage", request_index),
        ("informationitempage", item_index),
    ):
        response = client.get(f"/admin/pages/add/information/{model}/{parent.pk}/")
        assert response.status_code == 200, model


def test_focal_point_has_no_responses_view(client, open_request, focal_point):
    response = sign_in(client, focal_point).get(
        f"/admin/information/requests/{open_request.pk}/responses/"
    )

    assert response.status_code in (302, 403)
