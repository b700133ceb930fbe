"""The network home tells a Focal Point which requests their state still has to answer."""

import pytest

from network_pages.community.activity import pending_tasks_for
from network_pages.information.factories import make_response
from network_pages.information.models.response import Response
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_open_request_without_our_answer_is_a_pending_task(open_request, focal_point):
    tasks = pending_tasks_for(focal_point)

    assert [(task.title, task.due) for task in tasks] == [
        (open_request.title, open_request.deadline)
    ]
    assert tasks[0].url.endswith(open_request.url)


def test_request_our_state_submitted_is_no_longer_pending(open_request, focal_point):
    make_response(open_request, "FR", status=Response.Status.SUBMITTED)

    assert pending_tasks_for(focal_point) == []


def test_dmr_and_guests_have_no_requests_to_answer(open_request, dmr_user, guest):
    assert pending_tasks_for(dmr_user) == []
    assert pending_tasks_for(guest) == []


def test_network_home_lists_the_request_to_answer(client, open_request, focal_point):
    html = sign_in(client, focal_point).get("/en/network/").content.decode()

    assert "has to answer" in html  # "Requests France has to answer"
    assert open_request.title in html
