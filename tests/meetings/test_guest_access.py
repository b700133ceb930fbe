"""1.2, 4.3: external participants get a guest account that opens their meeting only."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from network_pages import roles
from network_pages.meetings import convocation, participants
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import (
    Attendance,
    ExternalParticipant,
    MeetingDocument,
    MeetingKind,
    MeetingPage,
)
from network_pages.network_area import ensure_network_collection
from tests.conftest import sign_in

from .conftest import meeting_url

pytestmark = pytest.mark.django_db

User = get_user_model()
EXPERT = {
    "name": "Erin Expert",
    "organisation": "Migration Research Institute",
    "email": "erin@research.example",
    "preferred_language": "fr",
}


@pytest.fixture
def session_with_expert(meetings_index, focal_point, django_capture_on_commit_callbacks):
    """A thematic session published with an external expert (their invitation is sent)."""
    with django_capture_on_commit_callbacks(execute=True):
        return make_meeting(
            meetings_index,
            title="Thematic session on reception",
            kind=MeetingKind.THEMATIC_SESSION,
            opening=days_from_today(60),
            invited=[focal_point.member_profile],
            guests=(EXPERT,),
            slug="thematic-reception",
        )


@pytest.fixture
def expert(session_with_expert):
    return User.objects.get(email="erin@research.example")


def document_in(collection, title: str):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(f"{title}.txt", ContentFile(title.encode()), save=False)
    document.save()
    return document


def test_publishing_gives_an_external_participant_a_guest_account_and_an_invitation(expert):
    groups = set(expert.groups.values_list("name", flat=True))
    assert groups == {
        roles.GUESTS,
        f"Guests: meeting {MeetingPage.objects.get(alias_of__isnull=True).pk}",
    }
    assert expert.member_profile.function == "guest"
    assert expert.member_profile.institution == "Migration Research Institute"
    assert not expert.has_usable_password()
    (invitation,) = [m for m in mail.outbox if m.to == ["erin@research.example"]]
    assert "/fr/accounts/invitation/" in invitation.body


def test_guest_sees_their_meeting_in_both_languages(client, session_with_expert, expert):
    client = sign_in(client, expert)

    assert client.get(meeting_url(session_with_expert)).status_code == 200
    assert client.get(meeting_url(session_with_expert, language="fr")).status_code == 200
    assert client.get(meeting_url(session_with_expert, "calendar/")).status_code == 200


def test_guest_sees_nothing_else_of_the_network(client, session_with_expert, expert, plenary):
    client = sign_in(client, expert)

    for url in (meeting_url(plenary), "/en/network/directory/"):
        assert client.get(url).status_code == 403, url
    # The network home and the meetings index lead a guest to their own meetings (issue 16).
    for url in ("/en/network/meetings/", "/en/network/"):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/en/your-meetings/"), url
        assert plenary.title not in response.content.decode()


def test_guest_opens_the_documents_of_their_meeting_only(client, session_with_expert, expert):
    own = document_in(participants.documents_collection_of(session_with_expert), "agenda-notes")
    members_only = document_in(ensure_network_collection(), "internal-notes")
    # Files follow their owner: both are documents of the meeting (issue 13).
    for order, document in enumerate((own, members_only)):
        MeetingDocument.objects.create(
            meeting=session_with_expert, document=document, sort_order=order
        )
    client = sign_in(client, expert)

    opened = client.get(own.url)
    refused = client.get(members_only.url)

    b"".join(opened.streaming_content)  # read to the end, which closes the file
    assert opened.status_code == 200
    assert refused.status_code == 403


def test_guest_page_lists_only_the_documents_they_can_open(client, session_with_expert, expert):
    own = document_in(participants.documents_collection_of(session_with_expert), "agenda-notes")
    members_only = document_in(ensure_network_collection(), "internal-notes")
    for order, document in enumerate((own, members_only)):
        MeetingDocument.objects.create(
            meeting=session_with_expert, document=document, sort_order=order
        )

    guest_page = sign_in(client, expert).get(meeting_url(session_with_expert)).content.decode()

    assert own.url in guest_page
    assert members_only.url not in guest_page


def test_guest_of_another_meeting_is_refused(client, session_with_expert, guest, plenary):
    guest.groups.add(Group.objects.get(name=participants.guest_group_name(plenary)))

    response = sign_in(client, guest).get(meeting_url(session_with_expert))

    assert response.status_code == 403


def test_existing_account_is_reused_and_no_invitation_is_sent(
    meetings_index, guest, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = make_meeting(
            meetings_index,
            kind=MeetingKind.THEMATIC_SESSION,
            guests=({"name": "Guest", "email": "GUEST@example.org"},),
            slug="with-known-guest",
        )

    assert mail.outbox == []
    assert guest.groups.filter(name=participants.guest_group_name(meeting)).exists()
    assert User.objects.filter(email__iexact="guest@example.org").count() == 1


def test_removing_an_external_participant_takes_their_access_away(
    client, session_with_expert, expert
):
    ExternalParticipant.objects.filter(meeting=session_with_expert).delete()
    session_with_expert.save_revision().publish()

    assert not expert.groups.filter(name__startswith="Guests: meeting").exists()
    assert sign_in(client, expert).get(meeting_url(session_with_expert)).status_code == 403


def test_convocation_of_a_thematic_session_goes_to_the_invited_members_and_guests(
    session_with_expert, dmr_user, other_focal_point, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        convocation.send_convocation(session_with_expert, sent_by=dmr_user)

    assert sorted(message.to[0] for message in mail.outbox) == [
        "erin@research.example",
        "fp_fr@example.org",
    ]


def test_guest_answers_for_attendance(client, session_with_expert, expert):
    sign_in(client, expert).post(
        meeting_url(session_with_expert, "attendance/"), {"response": "online"}
    )

    assert Attendance.objects.get().user == expert


def test_a_plenary_invites_no_external_participant_unless_listed(plenary, guest):
    emails = {invitee.email for invitee in participants.invitees(plenary)}

    assert "guest@example.org" not in emails


def test_deleting_a_meeting_removes_its_guest_group(session_with_expert, expert):
    name = participants.guest_group_name(session_with_expert)

    MeetingPage.objects.get(pk=session_with_expert.pk).delete()

    assert not Group.objects.filter(name=name).exists()
    assert expert.groups.filter(name=roles.GUESTS).exists()
