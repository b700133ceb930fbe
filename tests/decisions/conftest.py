"""A plenary with decisions and action points owned by a state, a group and the DMR."""

import datetime

import pytest
from django.utils import timezone

from network_pages.area_addresses import localized
from network_pages.community.factories import make_thematic_group
from network_pages.community.site_setup import ensure_community_pages
from network_pages.decisions.models import ActionPoint, Decision, OwnerKind
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import MemberState

REGISTER = "/{language}/network/register/"


def register_url(language: str = "en", route: str = "") -> str:
    return localized(REGISTER.format(language=language) + route)


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def plenary(network):
    return make_meeting(
        ensure_meetings_index(network),
        title="Plenary meeting 2026",
        opening=days_from_today(-30),
        closing=days_from_today(-29),
        agenda=("Opening", "Digitalisation of procedures"),
        slug="plenary-2026",
    )


@pytest.fixture
def group(network):
    return make_thematic_group(ensure_community_pages(network)["thematic_groups"], "Digital tools")


@pytest.fixture
def outcome(plenary, group):
    item = plenary.agenda_items.get(title="Digitalisation of procedures")
    decision = Decision.objects.create(
        meeting=plenary, agenda_item=item, text="The network adopts the digital roadmap."
    )
    france, germany = (MemberState.objects.get(code=code) for code in ("FR", "DE"))
    return {
        "decision": decision,
        "france": ActionPoint.objects.create(
            meeting=plenary,
            decision=decision,
            description="France shares its e-file guide.",
            owner_state=france,
            due_date=days_ago(3),
        ),
        "germany": ActionPoint.objects.create(
            meeting=plenary,
            description='=HYPERLINK("http://evil.example") Germany reports.',
            owner_state=germany,
            due_date=days_ago(-20),
        ),
        "group": ActionPoint.objects.create(
            meeting=plenary,
            description="The group drafts a checklist.",
            owner_kind=OwnerKind.GROUP,
            owner_group=group,
        ),
        "dmr": ActionPoint.objects.create(
            meeting=plenary,
            description="The DMR circulates the minutes.",
            owner_kind=OwnerKind.DMR,
            due_date=days_ago(1),
        ),
    }
