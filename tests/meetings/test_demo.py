"""The demo meetings: a convened plenary, a thematic session with the guest (idempotent)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase, override_settings

from network_pages.demo import seed_demo_content
from network_pages.meetings.demo import seed_meetings_demo
from network_pages.meetings.models import (
    AgendaSuggestion,
    Convocation,
    Holiday,
    MeetingKind,
    MeetingPage,
    MeetingStatus,
)
from network_pages.meetings.participants import guest_group_name
from network_pages.models import NetworkHomePage
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _demo_of_the_module(module_transaction, tmp_path_factory) -> tuple[list[str], set[str]]:
    """Seeded once for the module (every test reads it; each runs in a savepoint): the
    lines the meetings' demo prints and to whom the seeding sent email."""
    with module_transaction(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        mail.outbox = []
        # As on a commit: the invitations and convocations go out when the seeding ends.
        with TestCase.captureOnCommitCallbacks(execute=True):
            # seed_demo_content() seeds the meetings too; the second call proves it
            # idempotent.
            seed_demo_content()
            network = NetworkHomePage.objects.get(locale__language_code="en")
            lines = seed_meetings_demo(network)
        return lines, {message.to[0] for message in mail.outbox}


@pytest.fixture
def demo(_demo_of_the_module) -> list[str]:
    """What the meetings' demo printed."""
    return _demo_of_the_module[0]


@pytest.fixture
def demo_emailed(_demo_of_the_module) -> set[str]:
    """To whom seeding the demo sent email."""
    return _demo_of_the_module[1]


def test_demo_has_a_convened_plenary_with_a_draft_agenda(demo_emailed):
    plenary = MeetingPage.objects.get(  # last year's plenary is held (the register's demo)
        kind=MeetingKind.PLENARY, alias_of__isnull=True, status=MeetingStatus.CONVENED
    )

    assert plenary.status == MeetingStatus.CONVENED
    assert not plenary.agenda_is_final
    assert plenary.agenda_items.count() == 5
    assert Convocation.objects.get().meeting_id == plenary.pk
    assert demo_emailed >= {"fp_fr@demo.nfp.example"}
    assert AgendaSuggestion.objects.filter(meeting=plenary).exists()


def test_demo_guest_is_invited_to_the_thematic_session_only(client, demo):
    guest = get_user_model().objects.get(username="guest")
    meetings = MeetingPage.objects.filter(alias_of__isnull=True)
    invited = [m for m in meetings if guest.groups.filter(name=guest_group_name(m)).exists()]
    client = sign_in(client, guest)

    assert [meeting.kind for meeting in invited] == [MeetingKind.THEMATIC_SESSION]
    assert client.get(invited[0].url).status_code == 200
    for meeting in meetings.exclude(pk=invited[0].pk):
        assert client.get(meeting.url).status_code == 403


def test_demo_prints_where_the_meetings_are(demo):
    assert demo[0] == "Meetings: /en/network/meetings/"
    assert "convened" in demo[1]


def test_demo_meetings_twice_create_nothing_new(demo, django_capture_on_commit_callbacks):
    counts = (MeetingPage.objects.count(), Convocation.objects.count(), Holiday.objects.count())
    network = NetworkHomePage.objects.get(locale__language_code="en")

    with django_capture_on_commit_callbacks(execute=True):
        seed_meetings_demo(network)

    assert (
        MeetingPage.objects.count(),
        Convocation.objects.count(),
        Holiday.objects.count(),
    ) == counts
