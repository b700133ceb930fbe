"""4.7: a Focal Point submits information; the DMR reviews and publishes it with the state
shown as responsible, and tells all members when dissemination was proposed and accepted
(a notification: in the daily digest unless they chose otherwise). 2.1.b: DMR news.
Items are browsed and filtered by state, theme and type."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from network_pages.area_addresses import localized
from network_pages.community.models import Follow, NotificationPreference
from network_pages.community.notifications import Delivery, Kind
from network_pages.factories import make_member
from network_pages.information.factories import make_item
from network_pages.information.models import Announcement, InformationItemPage
from network_pages.models import MemberState
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

ITEMS = "/{language}/network/information/"


def item_form(**fields):
    return {
        "title": "Mentoring young refugees",
        "summary": "A mentoring programme.",
        "body": "First paragraph <b>not bold</b>.\n\nSecond paragraph.",
        "themes": "integration, children",
        "good_practice": "on",
        "dissemination_proposed": "on",
        **fields,
    }


@pytest.fixture
def people(focal_point, other_focal_point, approver, dmr_user, guest, outsider):
    return {"inactive": make_member("retired", state="ES", is_active=False)}


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def test_focal_point_submits_information_as_a_draft_for_the_dmr(
    client, item_index, people, focal_point, django_capture_on_commit_callbacks
):
    sign_in(client, focal_point)
    upload = SimpleUploadedFile("programme.pdf", b"%PDF-1.4", "application/pdf")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ITEMS.format(language="en") + "submit/", {**item_form(), "attachments": upload}
        )

    assert response.status_code == 302
    item = InformationItemPage.objects.get()
    assert not item.live
    assert item.member_state.code == "FR"
    assert item.submitted_by == focal_point
    assert item.dissemination_proposed and item.good_practice and not item.disseminate
    assert sorted(tag.name for tag in item.tags.all()) == ["children", "integration"]
    assert item.attachments.get().document.collection.name == "Network documents"
    assert "&lt;b&gt;not bold&lt;/b&gt;" in str(item.body[0].value)  # typed text, escaped
    assert recipients() == {"dmr@example.org"}
    assert Follow.objects.filter(user=focal_point, page=item, reason="authored").exists()


def test_information_with_a_disguised_attachment_is_refused_and_nothing_is_created(
    client, item_index, focal_point
):
    sign_in(client, focal_point)
    upload = SimpleUploadedFile("programme.docx", b"<!DOCTYPE html><p>x</p>", "text/html")

    response = client.post(
        ITEMS.format(language="en") + "submit/", {**item_form(), "attachments": upload}
    )

    assert response.status_code == 200
    assert "The content of this file does not match its type (.docx)." in (
        response.content.decode()
    )
    assert not InformationItemPage.objects.exists()


def test_submission_without_a_summary_is_refused_and_nothing_is_created(
    client, item_index, focal_point
):
    sign_in(client, focal_point)

    response = client.post(ITEMS.format(language="en") + "submit/", item_form(summary=""))

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not InformationItemPage.objects.exists()


def test_dmr_and_guests_do_not_submit_member_information(client, item_index, guest, dmr_user):
    for user in (guest, dmr_user):
        client.logout()
        response = sign_in(client, user).post(ITEMS.format(language="en") + "submit/", item_form())
        assert response.status_code == 403
    assert not InformationItemPage.objects.exists()


def test_published_item_shows_its_state_as_responsible_for_the_content(
    client, item_index, focal_point
):
    item = make_item(item_index, member_state=MemberState.objects.get(code="FR"))

    body = (
        sign_in(client, focal_point)
        .get(ITEMS.format(language="en") + f"{item.slug}/")
        .content.decode()
    )

    assert "Submitted by France, whose Focal Points are responsible for the content" in body


def test_accepted_dissemination_reaches_every_member_once_in_the_digest_title_and_link_only(
    item_index, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = make_item(
            item_index,
            title="Mentoring",
            summary="Confidential summary",
            member_state=MemberState.objects.get(code="DE"),
            dissemination_proposed=True,
            disseminate=True,
        )
    assert mail.outbox == []  # disseminated items wait for the daily digest by default

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests")

    assert recipients() == {
        "fp_fr@example.org",
        "fp_de@example.org",
        "approver@example.org",
        "dmr@example.org",
    }  # no guest, no outsider, no inactive member
    assert all("Mentoring" in message.body for message in mail.outbox)
    assert not any("Confidential summary" in message.body for message in mail.outbox)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
        call_command("send_digests")
    assert mail.outbox == []
    assert Announcement.objects.filter(page=item, kind="dissemination").count() == 1


def test_a_member_who_chose_immediate_emails_hears_of_a_dissemination_at_once(
    item_index, people, focal_point, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(
        user=focal_point, kind=Kind.ITEM, delivery=Delivery.IMMEDIATE
    )

    with django_capture_on_commit_callbacks(execute=True):
        make_item(
            item_index,
            title="Mentoring",
            member_state=MemberState.objects.get(code="DE"),
            dissemination_proposed=True,
            disseminate=True,
        )

    assert recipients() == {"fp_fr@example.org"}
    assert "Mentoring" in mail.outbox[0].subject


def test_no_email_without_the_dmrs_acceptance(
    item_index, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_item(
            item_index,
            member_state=MemberState.objects.get(code="DE"),
            dissemination_proposed=True,
            disseminate=False,
        )

    assert mail.outbox == []


def test_dmr_cannot_disseminate_what_the_state_did_not_propose(item_index):
    item = InformationItemPage(
        title="Not proposed",
        summary="s",
        member_state=MemberState.objects.get(code="DE"),
        dissemination_proposed=False,
        disseminate=True,
    )

    with pytest.raises(ValidationError) as error:
        item.clean()

    assert "disseminate" in error.value.message_dict


def test_member_information_names_its_state_and_dmr_news_has_none(item_index):
    with pytest.raises(ValidationError):
        InformationItemPage(title="x", summary="s", item_type="member_information").clean()
    with pytest.raises(ValidationError):
        InformationItemPage(
            title="x",
            summary="s",
            item_type="dmr_news",
            member_state=MemberState.objects.get(code="DE"),
        ).clean()


def test_dmr_news_accepted_for_dissemination_reaches_every_member(
    item_index, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_item(item_index, item_type="dmr_news", title="CDDH meeting", disseminate=True)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests")

    assert "fp_de@example.org" in recipients()
    assert "guest@example.org" not in recipients()


@pytest.fixture
def catalogue(item_index):
    germany, france = (MemberState.objects.get(code=code) for code in ("DE", "FR"))
    return {
        "german": make_item(
            item_index,
            title="German good practice",
            member_state=germany,
            good_practice=True,
            themes=("integration",),
        ),
        "french": make_item(
            item_index, title="French information", member_state=france, themes=("asylum",)
        ),
        "news": make_item(
            item_index, title="CDDH news", item_type="dmr_news", themes=("committees",)
        ),
        "draft": make_item(item_index, title="Unpublished", member_state=france, live=False),
    }


def listed(client, query: str = "") -> list[str]:
    response = client.get(ITEMS.format(language="en") + query)
    assert response.status_code == 200
    return sorted(item.title for item in response.context["items"])


def test_items_are_filtered_by_state_theme_and_type(client, catalogue, focal_point):
    sign_in(client, focal_point)

    assert listed(client) == ["CDDH news", "French information", "German good practice"]
    assert listed(client, "?state=DE") == ["German good practice"]
    assert listed(client, "?theme=asylum") == ["French information"]
    assert listed(client, "?type=dmr_news") == ["CDDH news"]
    assert listed(client, "?good_practice=on") == ["German good practice"]
    assert listed(client, "?state=FR&type=dmr_news") == []


def test_items_listing_is_paginated(client, item_index, focal_point):
    for number in range(21):
        make_item(item_index, title=f"Item {number:02d}", item_type="dmr_news")
    sign_in(client, focal_point)

    assert len(client.get(ITEMS.format(language="en")).context["items"]) == 20
    assert len(client.get(ITEMS.format(language="en") + "?page=2").context["items"]) == 1


def test_french_alias_of_an_item_shows_the_sources_themes(client, catalogue, focal_point):
    body = (
        sign_in(client, focal_point)
        .get(localized(ITEMS.format(language="fr") + "german-good-practice/"))
        .content.decode()
    )

    assert "integration" in body
