"""4.4: Focal Points suggest agenda items while the agenda is a draft; the DMR decides."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import NoReverseMatch, reverse

from network_pages.meetings import agenda
from network_pages.meetings.models import AgendaItem, AgendaSuggestion, MeetingPage
from network_pages.meetings.participants import guest_group_name
from tests.conftest import sign_in

from .conftest import meeting_url

pytestmark = pytest.mark.django_db

SUGGESTION = {"title": "Age assessment of children", "rationale": "Practices differ widely."}


def suggest(client, meeting, data=SUGGESTION, **kwargs):
    return client.post(meeting_url(meeting, "suggest/"), data, **kwargs)


def finalise_agenda(meeting: MeetingPage) -> MeetingPage:
    final = meeting.get_latest_revision_as_object()
    final.agenda_is_final = True
    final.save_revision().publish()
    return MeetingPage.objects.get(pk=meeting.pk)


@pytest.fixture
def suggestion(plenary, focal_point):
    return agenda.submit_suggestion(plenary, focal_point, **SUGGESTION)


def test_focal_point_suggests_an_item_and_their_state_is_recorded(client, plenary, focal_point):
    response = suggest(sign_in(client, focal_point), plenary, follow=True)

    recorded = AgendaSuggestion.objects.get()
    assert recorded.meeting_id == plenary.pk
    assert recorded.member_state.code == "FR"
    assert recorded.suggested_by == focal_point
    assert recorded.status == AgendaSuggestion.Status.PENDING
    assert "Thank you: your suggestion was sent to the DMR." in response.content.decode()


def test_suggestion_made_on_the_french_alias_belongs_to_the_meeting(client, plenary, focal_point):
    sign_in(client, focal_point).post(meeting_url(plenary, "suggest/", language="fr"), SUGGESTION)

    assert AgendaSuggestion.objects.get().meeting_id == plenary.pk


def test_members_see_the_suggestions_on_the_meeting_page(
    client, plenary, suggestion, other_focal_point
):
    html = sign_in(client, other_focal_point).get(meeting_url(plenary)).content.decode()

    assert "Age assessment of children" in html
    assert "France" in html


def test_guest_of_the_meeting_neither_sees_nor_makes_suggestions(
    client, plenary, suggestion, guest
):
    guest.groups.add(Group.objects.get(name=guest_group_name(plenary)))
    client = sign_in(client, guest)

    page = client.get(meeting_url(plenary))
    response = suggest(client, plenary, {"title": "Guest idea", "rationale": "Why not."})

    assert page.status_code == 200
    assert "Age assessment of children" not in page.content.decode()
    assert 'action="/en/network/meetings/plenary-2030/suggest/"' not in page.content.decode()
    assert response.status_code == 302
    assert not AgendaSuggestion.objects.filter(title="Guest idea").exists()


def test_network_approver_suggests_as_the_focal_point_of_their_state(client, plenary, approver):
    suggest(sign_in(client, approver), plenary)

    assert AgendaSuggestion.objects.get().member_state.code == "IT"


def test_dmr_may_suggest_without_a_member_state(client, plenary, dmr_user):
    suggest(sign_in(client, dmr_user), plenary)

    assert AgendaSuggestion.objects.get().member_state is None


def test_suggesting_is_refused_once_the_agenda_is_final(client, plenary, focal_point):
    final = finalise_agenda(plenary)
    client = sign_in(client, focal_point)

    page = client.get(meeting_url(final)).content.decode()
    response = suggest(client, final, follow=True)

    assert 'action="/en/network/meetings/plenary-2030/suggest/"' not in page
    assert "The agenda is final: suggestions are closed." in page
    assert "The agenda is final: suggestions are closed." in response.content.decode()
    assert not AgendaSuggestion.objects.exists()


def test_suggestion_without_a_rationale_keeps_the_draft_and_explains(client, plenary, focal_point):
    response = suggest(sign_in(client, focal_point), plenary, {"title": "Half an idea"})

    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="Half an idea"' in html
    assert "This field is required." in html
    assert not AgendaSuggestion.objects.exists()


def test_the_same_suggestion_twice_is_recorded_once(client, plenary, focal_point):
    client = sign_in(client, focal_point)
    suggest(client, plenary)

    response = suggest(client, plenary, follow=True)

    assert AgendaSuggestion.objects.count() == 1
    assert "You have already suggested this item." in response.content.decode()


def test_get_on_the_suggestion_route_leads_back_to_the_meeting(client, plenary, focal_point):
    response = sign_in(client, focal_point).get(meeting_url(plenary, "suggest/"))

    assert response.status_code == 302
    assert response["Location"] == meeting_url(plenary) + "#suggestions"


def test_accepted_suggestion_becomes_the_last_agenda_item_and_is_published(
    plenary, suggestion, dmr_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        published = agenda.accept_suggestion(suggestion, decided_by=dmr_user)

    meeting = MeetingPage.objects.get(pk=plenary.pk)
    items = list(AgendaItem.objects.filter(meeting=meeting))
    assert published
    assert not meeting.has_unpublished_changes
    assert items[-1].title == "Age assessment of children"
    assert items[-1].suggested_by_state.code == "FR"
    assert len(items) == 3
    french = MeetingPage.objects.get(alias_of=meeting)
    assert AgendaItem.objects.filter(meeting=french).count() == 3


def test_accepting_keeps_the_dmrs_unpublished_draft_a_draft(plenary, suggestion, dmr_user):
    draft = plenary.get_latest_revision_as_object()
    draft.intro = "Draft purpose, not published yet."
    draft.save_revision()

    published = agenda.accept_suggestion(suggestion, decided_by=dmr_user)

    meeting = MeetingPage.objects.get(pk=plenary.pk)
    latest = meeting.get_latest_revision_as_object()
    assert not published
    assert meeting.has_unpublished_changes
    assert meeting.intro == ""
    assert latest.intro == "Draft purpose, not published yet."
    assert [item.title for item in latest.agenda_items.all()][-1] == "Age assessment of children"


def test_suggesting_focal_point_is_told_of_the_acceptance(
    plenary, suggestion, dmr_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        agenda.accept_suggestion(suggestion, decided_by=dmr_user)

    (message,) = mail.outbox
    assert message.to == ["fp_fr@example.org"]
    assert message.subject == "Your agenda suggestion was accepted: Age assessment of children"
    assert "/en/network/meetings/plenary-2030/" in message.body


def test_declining_needs_a_reason_which_the_focal_point_receives(
    plenary, suggestion, dmr_user, django_capture_on_commit_callbacks
):
    with pytest.raises(agenda.SuggestionRefused):
        agenda.decline_suggestion(suggestion, decided_by=dmr_user, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        agenda.decline_suggestion(suggestion, decided_by=dmr_user, reason="Covered in item 2.")

    suggestion.refresh_from_db()
    assert suggestion.status == AgendaSuggestion.Status.DECLINED
    (message,) = mail.outbox
    assert message.subject == "Your agenda suggestion was declined: Age assessment of children"
    assert "Covered in item 2." in message.body


def test_a_suggestion_is_decided_only_once(plenary, suggestion, dmr_user):
    agenda.decline_suggestion(suggestion, decided_by=dmr_user, reason="No.")

    with pytest.raises(agenda.SuggestionRefused, match="already been decided"):
        agenda.accept_suggestion(suggestion, decided_by=dmr_user)


# --- the admin -------------------------------------------------------------------------


def test_dmr_lists_the_suggestions_of_a_meeting_in_the_admin(client, plenary, suggestion, dmr_user):
    response = sign_in(client, dmr_user).get(
        f"/admin/meetings/agenda-suggestions/?meeting={plenary.pk}"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Age assessment of children" in html
    assert f"/admin/meetings/agenda-suggestions/accept/{suggestion.pk}/" in html


def test_dmr_accepts_in_the_admin(
    client, plenary, suggestion, dmr_user, django_capture_on_commit_callbacks
):
    client = sign_in(client, dmr_user)
    url = f"/admin/meetings/agenda-suggestions/accept/{suggestion.pk}/"

    confirm = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert confirm.status_code == 200
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == AgendaSuggestion.Status.ACCEPTED
    assert len(mail.outbox) == 1


def test_dmr_declines_in_the_admin_only_with_a_reason(client, plenary, suggestion, dmr_user):
    client = sign_in(client, dmr_user)
    url = f"/admin/meetings/agenda-suggestions/decline/{suggestion.pk}/"

    refused = client.post(url, {"reason": ""})
    declined = client.post(url, {"reason": "Out of scope."})

    assert refused.status_code == 200
    assert declined.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.decline_reason == "Out of scope."


def test_suggestions_cannot_be_added_in_the_admin(client, plenary, dmr_user):
    client = sign_in(client, dmr_user)

    listing = client.get("/admin/meetings/agenda-suggestions/").content.decode()

    assert "/admin/meetings/agenda-suggestions/new/" not in listing
    with pytest.raises(NoReverseMatch):
        reverse("agenda_suggestions:add")
