"""Finding a date for a meeting: the DMR proposes dates, each state answers yes / if need be
/ no, the DMR sees the best dates and holds the meeting on them; then it is convened."""

import pytest
from django.utils import timezone

from network_pages.area_addresses import localized
from network_pages.date_polls import rules, tally
from network_pages.date_polls.models import Availability, DateAnswer, DateOption, DatePoll
from network_pages.meetings import convocation
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingPage, MeetingStatus
from network_pages.meetings.site_setup import ensure_meetings_index
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(network):
    return make_meeting(
        ensure_meetings_index(network),
        title="Plenary meeting 2031",
        opening=days_from_today(200),
        closing=days_from_today(201),
        slug="plenary-2031",
    )


@pytest.fixture
def poll(meeting):
    poll = DatePoll.objects.create(meeting=meeting, message="Which week suits you?")
    for days in (120, 130, 140):
        DateOption.objects.create(
            poll=poll, opening=days_from_today(days), closing=days_from_today(days + 1)
        )
    return poll


def url_of(poll, language="en") -> str:
    return localized(f"/{language}/network/date-polls/{poll.pk}/")


def options(poll) -> list[DateOption]:
    return list(poll.options.order_by("opening"))


def form(poll, *answers: str) -> dict:
    return {f"option-{o.pk}": a for o, a in zip(options(poll), answers, strict=False)}


@pytest.mark.parametrize("route", ["", "{pk}/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, poll, route):
    response = client.get(f"/en/network/date-polls/{route.format(pk=poll.pk)}")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["outsider", "guest"])
def test_people_outside_the_members_are_refused(client, poll, request, who):
    sign_in(client, request.getfixturevalue(who))

    assert client.get(url_of(poll)).status_code == 403


def test_a_password_only_session_is_sent_to_the_code_step(client, poll, focal_point):
    sign_in(client, focal_point, verified=False)

    assert "/accounts/verify/" in client.get(url_of(poll))["Location"]


def test_a_focal_point_answers_for_their_state_and_can_change_the_answer(client, poll, focal_point):
    sign_in(client, focal_point)

    client.post(url_of(poll), form(poll, "yes", "no", "if_need_be"))
    client.post(url_of(poll), form(poll, "no"))

    given = dict(
        DateAnswer.objects.filter(member_state__code="FR").values_list("option_id", "answer")
    )
    first, second, third = options(poll)
    assert given == {first.pk: "no", second.pk: "no", third.pk: "if_need_be"}
    assert DateAnswer.objects.get(option=first).answered_by == focal_point


def test_the_dmr_does_not_answer_for_a_state(client, poll, dmr_user):
    sign_in(client, dmr_user)

    client.post(url_of(poll), form(poll, "yes"))

    assert not DateAnswer.objects.exists()


def test_the_best_dates_have_most_states_available_then_most_without_reservation(
    poll, focal_point, other_focal_point, approver
):
    first, second, third = options(poll)
    rules.answer(poll, focal_point, {first.pk: "yes", second.pk: "if_need_be", third.pk: "no"})
    rules.answer(poll, other_focal_point, {first.pk: "no", second.pk: "yes", third.pk: "yes"})
    rules.answer(poll, approver, {first.pk: "if_need_be", second.pk: "yes", third.pk: "no"})

    ranked = tally.tally(poll)

    assert [row.option for row in ranked] == [second, first, third]
    assert (ranked[0].yes, ranked[0].if_need_be, ranked[0].no) == (2, 1, 0)


def test_the_dmr_sees_every_states_answer_and_focal_points_only_the_counts(
    client, poll, focal_point, other_focal_point, dmr_user
):
    rules.answer(poll, other_focal_point, {options(poll)[0].pk: Availability.NO})
    sign_in(client, focal_point)
    assert "Answers of the member states" not in client.get(url_of(poll)).content.decode()

    sign_in(client, dmr_user)
    body = client.get(url_of(poll)).content.decode()

    assert "Answers of the member states" in body and "Germany" in body


def test_holding_the_meeting_on_the_best_dates_moves_it_and_then_it_is_convened(
    client, poll, meeting, dmr_user, focal_point
):
    best = options(poll)[1]
    rules.answer(poll, focal_point, {best.pk: "yes"})
    sign_in(client, dmr_user)

    response = client.post(url_of(poll), {"decide": str(best.pk)})

    assert response.status_code == 302
    meeting = MeetingPage.objects.get(pk=meeting.pk)
    assert (meeting.opening, meeting.closing) == (best.opening, best.closing)
    poll.refresh_from_db()
    assert poll.status == DatePoll.Status.DECIDED and poll.chosen == best
    # 4.1: the convocation deadline follows the new opening day.
    assert convocation.timing_for(meeting).opening_day == timezone.localdate(best.opening)
    convocation.send_convocation(meeting, sent_by=dmr_user)
    assert MeetingPage.objects.get(pk=meeting.pk).status == MeetingStatus.CONVENED


def test_a_decided_poll_takes_no_more_answers(poll, focal_point, dmr_user):
    rules.decide(poll, options(poll)[0], dmr_user)

    with pytest.raises(rules.PollRefused):
        rules.answer(poll, focal_point, {options(poll)[0].pk: "yes"})


def test_the_dates_of_a_convened_meeting_are_not_polled(poll, meeting, dmr_user, focal_point):
    convocation.send_convocation(meeting, sent_by=dmr_user)

    with pytest.raises(rules.PollRefused):
        rules.decide(poll, options(poll)[0], dmr_user)


def test_a_focal_point_cannot_decide(client, poll, focal_point):
    sign_in(client, focal_point)

    response = client.post(url_of(poll), {"decide": str(options(poll)[0].pk)})

    assert response.status_code == 403
    assert DatePoll.objects.get(pk=poll.pk).is_open


def test_the_poll_page_has_a_fixed_query_budget(
    client, poll, focal_point, django_assert_max_num_queries
):
    sign_in(client, focal_point)

    with django_assert_max_num_queries(25):
        assert client.get(url_of(poll)).status_code == 200


def test_the_poll_list_shows_the_polls_in_french_under_fr(client, poll, focal_point):
    sign_in(client, focal_point)

    body = client.get("/fr/reseau/sondages-de-dates/").content.decode()

    assert "Plenary meeting 2031" in body
    assert "Trouver les dates des réunions" in body
