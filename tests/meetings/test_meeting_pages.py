"""Meeting pages: where they may live (4.1), how the DMR creates them, how readers see them."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageViewRestriction
from wagtail.test.utils.form_data import querydict_from_html

from network_pages import network_area, roles
from network_pages.meetings import convocation, participants
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import (
    MeetingDocument,
    MeetingIndexPage,
    MeetingKind,
    MeetingPage,
    MeetingStatus,
)
from network_pages.meetings.models.meeting_index_page import MEETINGS_PER_PAGE
from network_pages.meetings.site_setup import ensure_meetings_index
from tests.conftest import sign_in

from .conftest import meeting_url

pytestmark = pytest.mark.django_db


# --- 4.1: a plenary is always closed --------------------------------------------------


def test_a_meeting_can_only_be_created_under_the_meetings_index(homes, meetings_index):
    assert MeetingPage.can_create_at(meetings_index)
    assert not MeetingPage.can_create_at(homes["en"])
    assert not MeetingPage.can_create_at(meetings_index.get_parent().specific)
    assert not MeetingIndexPage.can_create_at(homes["en"])


def test_a_plenary_cannot_be_moved_out_of_the_network_area(homes, plenary):
    assert not plenary.can_move_to(homes["en"])
    assert not plenary.can_move_to(Page.get_first_root_node())


def test_every_meeting_is_restricted_to_members_and_its_own_guests(plenary):
    restriction = PageViewRestriction.objects.get(page=plenary)

    assert set(restriction.groups.values_list("name", flat=True)) == {
        *roles.MEMBER_GROUPS,
        participants.guest_group_name(plenary),
    }


def test_each_meeting_has_a_members_only_documents_collection(plenary):
    collection = participants.documents_collection_of(plenary)

    assert collection.get_parent().name == "Network documents"
    assert collection.get_view_restrictions().count() == 2


def test_meetings_index_is_created_once_in_the_menu_and_mirrored_in_french(network):
    first = ensure_meetings_index(network)
    second = ensure_meetings_index(network)

    assert first.pk == second.pk
    assert first.show_in_menus
    assert first.url == "/en/network/meetings/"
    # In French: a translation with its own title (issue 15), not an alias.
    assert MeetingIndexPage.objects.filter(
        translation_key=first.translation_key, locale__language_code="fr"
    ).exists()


# --- the editor ------------------------------------------------------------------------


def test_dmr_creates_and_publishes_a_plenary_in_the_page_editor(client, meetings_index, dmr_user):
    client = sign_in(client, dmr_user)
    add_url = f"/admin/pages/add/meetings/meetingpage/{meetings_index.pk}/"
    form = querydict_from_html(client.get(add_url).content.decode(), form_id="page-edit-form")
    opening = timezone.localtime(days_from_today(120))
    form.update(
        {
            "title": "Plenary meeting 2031",
            "slug": "plenary-2031",
            "kind": MeetingKind.PLENARY,
            "opening": opening.strftime("%Y-%m-%d %H:%M"),
            "closing": (opening + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M"),
            "venue": "Palais de l'Europe",
            "agenda_items-TOTAL_FORMS": "1",
            "agenda_items-0-title": "Opening",
            "agenda_items-0-ORDER": "1",
            "action-publish": "action-publish",
        }
    )

    response = client.post(add_url, form)

    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = MeetingPage.objects.get(slug="plenary-2031", alias_of__isnull=True)
    assert meeting.live
    assert meeting.chair_label == "Division on Migration and Refugees (DMR)"
    assert [item.title for item in meeting.agenda_items.all()] == ["Opening"]
    assert MeetingPage.objects.filter(alias_of=meeting, locale__language_code="fr").exists()
    assert PageViewRestriction.objects.filter(page=meeting).exists()


def test_closing_before_opening_is_refused(meetings_index):
    meeting = MeetingPage(
        title="Backwards",
        slug="backwards",
        opening=days_from_today(30),
        closing=days_from_today(29),
        venue="Strasbourg",
    )

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert "closing" in error.value.message_dict


def test_a_meeting_needs_a_venue_or_an_online_link(meetings_index):
    meeting = MeetingPage(
        title="Nowhere", slug="nowhere", opening=days_from_today(30), closing=days_from_today(31)
    )

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert "venue" in error.value.message_dict


def test_a_joint_meeting_names_its_partner(meetings_index):
    meeting = MeetingPage(
        title="Joint",
        slug="joint",
        kind=MeetingKind.JOINT_MEETING,
        opening=days_from_today(30),
        closing=days_from_today(31),
        online_link="https://video.example/joint",
    )

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()

    assert "partner" in error.value.message_dict


def test_a_document_from_a_public_collection_is_refused(plenary):
    public = Collection.get_first_root_node()
    document = get_document_model()(title="Public leaflet", collection=public)
    document.file.save("leaflet.txt", ContentFile(b"public"), save=False)
    document.save()

    with pytest.raises(ValidationError) as error:
        MeetingDocument(meeting=plenary, document=document).full_clean()

    assert "document" in error.value.message_dict


# --- readers ---------------------------------------------------------------------------


def test_meeting_dates_follow_the_readers_language(client, plenary, focal_point):
    client = sign_in(client, focal_point)

    english = client.get(meeting_url(plenary)).content.decode()
    french = client.get(meeting_url(plenary, language="fr")).content.decode()

    opening = timezone.localtime(plenary.opening)
    with translation.override("fr"):
        assert formats.date_format(opening, "DATETIME_FORMAT") in french
    with translation.override("en"):
        assert formats.date_format(opening, "DATETIME_FORMAT") in english


def test_meeting_page_shows_the_agenda_numbered_and_marked_draft(client, plenary, focal_point):
    html = sign_in(client, focal_point).get(meeting_url(plenary)).content.decode()

    assert "Draft agenda" in html
    assert "This agenda is a draft" in html
    assert '<ol class="agenda">' in html
    assert "Division on Migration and Refugees (DMR)" in html


def test_index_lists_upcoming_and_past_meetings(client, meetings_index, plenary, focal_point):
    make_meeting(
        meetings_index,
        title="Last plenary",
        opening=days_from_today(-400),
        closing=days_from_today(-399),
        slug="last",
    )

    response = sign_in(client, focal_point).get("/en/network/meetings/")

    assert [meeting.title for meeting in response.context["upcoming"]] == ["Plenary meeting 2030"]
    assert [meeting.title for meeting in response.context["past"]] == ["Last plenary"]


def test_index_filters_by_kind_and_year(
    client, meetings_index, plenary, thematic_session, focal_point
):
    old = make_meeting(
        meetings_index,
        title="Old plenary",
        opening=days_from_today(-800),
        closing=days_from_today(-799),
        slug="old",
    )
    client = sign_in(client, focal_point)

    sessions = client.get("/en/network/meetings/?kind=thematic_session")
    of_that_year = client.get(f"/en/network/meetings/?year={old.opening.year}")
    nonsense = client.get("/en/network/meetings/?kind=party&year=abc")

    assert [m.title for m in sessions.context["upcoming"]] == ["Thematic session on reception"]
    assert list(sessions.context["past"]) == []
    assert [m.title for m in of_that_year.context["past"]] == ["Old plenary"]
    assert nonsense.status_code == 200
    assert not nonsense.context["is_filtered"]


def test_index_is_paginated(client, meetings_index, focal_point):
    for number in range(MEETINGS_PER_PAGE + 1):
        make_meeting(
            meetings_index,
            title=f"Session {number:02d}",
            kind=MeetingKind.THEMATIC_SESSION,
            opening=days_from_today(10 + number),
            slug=f"session-{number}",
        )
    client = sign_in(client, focal_point)

    first = client.get("/en/network/meetings/")
    second = client.get("/en/network/meetings/?upcoming=2")

    assert len(first.context["upcoming"]) == MEETINGS_PER_PAGE
    assert [m.title for m in second.context["upcoming"]] == [f"Session {MEETINGS_PER_PAGE:02d}"]
    assert "upcoming=2" in first.content.decode()


def test_french_index_links_to_the_french_meeting_pages(client, plenary, focal_point):
    html = sign_in(client, focal_point).get("/fr/reseau/reunions/").content.decode()

    assert 'href="/fr/reseau/reunions/plenary-2030/"' in html


def test_network_home_lists_the_meetings_section(client, meetings_index, focal_point):
    html = sign_in(client, focal_point).get("/en/network/").content.decode()

    assert 'href="/en/network/meetings/"' in html


def test_a_copy_of_a_convened_meeting_starts_planned(meetings_index, plenary, dmr_user):
    convocation.send_convocation(plenary, sent_by=dmr_user)
    convened = MeetingPage.objects.get(pk=plenary.pk)

    copy = convened.copy(update_attrs={"slug": "plenary-copy", "title": "Copy"})

    assert convened.status == MeetingStatus.CONVENED
    assert copy.specific.status == MeetingStatus.PLANNED
    assert PageViewRestriction.objects.filter(page=copy).exists()


def test_dmr_previews_a_new_meeting_and_an_edited_one(client, meetings_index, plenary, dmr_user):
    client = sign_in(client, dmr_user)
    add_url = f"/admin/pages/add/meetings/meetingpage/{meetings_index.pk}/"
    form = querydict_from_html(client.get(add_url).content.decode(), form_id="page-edit-form")
    opening = timezone.localtime(days_from_today(120))
    form.update(
        {
            "title": "Preview only",
            "slug": "preview-only",
            "opening": opening.strftime("%Y-%m-%d %H:%M"),
            "closing": (opening + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M"),
            "venue": "Strasbourg",
            "agenda_items-TOTAL_FORMS": "1",
            "agenda_items-0-title": "Previewed item",
            "agenda_items-0-ORDER": "1",
        }
    )
    edit_url = f"/admin/pages/{plenary.pk}/edit/"
    edit_form = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")

    client.post(f"{add_url}preview/", form)
    new = client.get(f"{add_url}preview/")
    client.post(f"{edit_url}preview/", edit_form)
    edited = client.get(f"{edit_url}preview/")

    assert new.status_code == 200
    assert b"Previewed item" in new.content
    assert edited.status_code == 200
    assert b"Opening of the meeting" in edited.content


def _attach_documents(meeting, count: int) -> None:
    for number in range(count):
        document = get_document_model()(
            title=f"Paper {number}", collection=network_area.ensure_network_collection()
        )
        document.file.save(f"paper-{number}.txt", ContentFile(b"paper"), save=False)
        document.save()
        MeetingDocument.objects.create(meeting=meeting, document=document)


def test_the_meeting_editor_costs_the_same_queries_with_more_documents(
    client, plenary, dmr_user, django_assert_max_num_queries
):
    client = sign_in(client, dmr_user)
    edit_url = f"/admin/pages/{plenary.pk}/edit/"
    _attach_documents(plenary, 1)
    client.get(edit_url)
    with CaptureQueriesContext(connection) as one_document:
        client.get(edit_url)
    _attach_documents(plenary, 5)

    with django_assert_max_num_queries(len(one_document)):
        response = client.get(edit_url)

    assert response.status_code == 200
    assert b"Paper 4" in response.content  # each chooser still shows its document
