"""Numbering, owners and the agenda item of decisions and action points (plain rules)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from network_pages.decisions import register
from network_pages.decisions.models import ActionPoint, ActionStatus, Decision, OwnerKind
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.models import MemberState

pytestmark = pytest.mark.django_db


def test_decisions_and_action_points_are_numbered_per_meeting_in_order(plenary, outcome):
    second = Decision.objects.create(meeting=plenary, text="Second.")

    assert (outcome["decision"].number, second.number) == (1, 2)
    assert [a.number for a in ActionPoint.objects.filter(meeting=plenary)] == [1, 2, 3, 4]


def test_a_decision_answers_an_item_of_its_own_meeting_only(plenary, outcome):
    other = make_meeting(plenary.get_parent().specific, title="Other", slug="other")
    decision = Decision(meeting=other, agenda_item=outcome["decision"].agenda_item, text="X")

    with pytest.raises(ValidationError) as error:
        decision.full_clean()

    assert "agenda_item" in error.value.message_dict


def test_an_action_owned_by_a_state_names_the_state(plenary):
    action = ActionPoint(meeting=plenary, description="Do it.", owner_kind=OwnerKind.STATE)

    with pytest.raises(ValidationError) as error:
        action.full_clean()

    assert "owner_state" in error.value.message_dict


def test_the_database_refuses_an_action_with_two_owners(plenary, group):
    with pytest.raises(IntegrityError):
        ActionPoint.objects.create(
            meeting=plenary,
            description="Two owners.",
            owner_kind=OwnerKind.GROUP,
            owner_group=group,
            owner_state=MemberState.objects.get(code="FR"),
        )


def test_an_open_action_past_its_due_date_is_overdue_and_a_done_one_is_not(outcome):
    france = outcome["france"]

    assert france.is_overdue()
    france.status = ActionStatus.DONE
    assert not france.is_overdue()
    assert not outcome["germany"].is_overdue()


def test_open_action_points_for_a_state_are_its_open_ones_soonest_first(plenary, outcome):
    france = MemberState.objects.get(code="FR")
    later = ActionPoint.objects.create(
        meeting=plenary,
        description="Later.",
        owner_state=france,
        due_date=days_from_today(40).date(),
    )
    ActionPoint.objects.create(
        meeting=plenary, description="Done.", owner_state=france, status=ActionStatus.DONE
    )

    assert list(register.open_action_points_for_state(france)) == [outcome["france"], later]
