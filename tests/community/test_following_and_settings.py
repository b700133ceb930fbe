"""Members follow or stop following any network page they may see, and choose per kind of
event how they hear of it (immediately, daily digest, never) on their settings page."""

import pytest
from django.urls import reverse

from network_pages.community.comments.posting import post_comment
from network_pages.community.factories import make_thematic_group
from network_pages.community.models import Follow, NotificationPreference
from network_pages.community.notifications import follow, is_following
from network_pages.information.factories import make_item
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.models import MemberState
from tests.conftest import sign_in

from .conftest import REFUSED, count_queries, url_of

pytestmark = pytest.mark.django_db

SETTINGS = "/en/notifications/"


def follow_url(page) -> str:
    return reverse("community:follow", args=[page.pk])


def test_member_follows_a_page_and_returns_to_it(client, working_methods, focal_point):
    response = sign_in(client, focal_point).post(
        follow_url(working_methods), {"action": "follow", "next": url_of(working_methods)}
    )

    assert response.status_code == 302
    assert response["Location"] == url_of(working_methods)
    assert is_following(focal_point, working_methods)


def test_following_the_french_alias_follows_the_source_page(client, working_methods, focal_point):
    alias = working_methods.get_translation(
        working_methods.locale.__class__.objects.get(language_code="fr")
    )

    sign_in(client, focal_point).post(follow_url(alias), {"action": "follow"})

    assert Follow.objects.get(user=focal_point).page_id == working_methods.pk


def test_an_unfollowed_page_stays_unfollowed_when_commenting_again(
    client, working_methods, focal_point
):
    post_comment(page=working_methods, author=focal_point, body="First")
    sign_in(client, focal_point).post(follow_url(working_methods), {"action": "unfollow"})

    post_comment(page=working_methods, author=focal_point, body="Second")

    assert not is_following(focal_point, working_methods)


def test_following_does_not_redirect_elsewhere(client, working_methods, focal_point):
    response = sign_in(client, focal_point).post(
        follow_url(working_methods), {"action": "follow", "next": "https://evil.example/"}
    )

    assert response["Location"] == url_of(working_methods)


def test_a_page_the_member_may_not_see_cannot_be_followed(client, private_group, other_focal_point):
    [update] = private_group.get_children().filter(alias_of__isnull=True)

    response = sign_in(client, other_focal_point).post(follow_url(update), {"action": "follow"})

    assert response.status_code == 403
    assert "MARKER-private-update-title" not in response.content.decode()
    assert not Follow.objects.exists()


def test_an_unpublished_page_cannot_be_followed(client, network, focal_point):
    """Issue 13, 4: another state's item waiting for review is not the member's to follow;
    following it would name it on their settings page."""
    item_index = ensure_information_indexes(network)[1]
    pending = make_item(
        item_index,
        title="MARKER-pending-item-title",
        member_state=MemberState.objects.get(code="DE"),
        live=False,
    )

    response = sign_in(client, focal_point).post(follow_url(pending), {"action": "follow"})

    assert response.status_code == 403
    assert "MARKER-pending-item-title" not in response.content.decode()
    assert not Follow.objects.exists()


def test_settings_never_name_a_page_the_member_can_no_longer_read(
    client, private_group, network, focal_point
):
    [update] = private_group.get_children().filter(alias_of__isnull=True)
    item_index = ensure_information_indexes(network)[1]
    withdrawn = make_item(
        item_index, title="MARKER-withdrawn-item", member_state=MemberState.objects.get(code="FR")
    )
    # Followed while they could read both (a member of the group, the item published).
    follow(focal_point, update)
    follow(focal_point, withdrawn)
    withdrawn.unpublish()

    html = sign_in(client, focal_point).get(SETTINGS).content.decode()

    assert "MARKER-withdrawn-item" not in html
    assert "MARKER-private-update-title" not in html


def test_a_public_page_cannot_be_followed(client, homes, focal_point):
    response = sign_in(client, focal_point).post(follow_url(homes["en"]), {"action": "follow"})

    assert response.status_code == 403


@pytest.mark.parametrize("kind", ["anonymous", "password-only", "verified non-member"])
def test_refused_visitors_cannot_follow_or_see_settings(client, working_methods, visitors, kind):
    if kind != "anonymous":
        sign_in(client, visitors[kind], verified=kind != "password-only")
    status, location = REFUSED[kind]

    for response in (
        client.get(SETTINGS),
        client.post(SETTINGS, {"comment": "off"}),
        client.post(follow_url(working_methods), {"action": "follow"}),
    ):
        assert response.status_code == status
        if location:
            assert location in response["Location"]
        assert "no-store" in response["Cache-Control"]
    assert not Follow.objects.exists()
    assert not NotificationPreference.objects.exists()


def test_a_guest_keeps_settings_but_follows_only_pages_opened_to_them(
    client, working_methods, guest
):
    sign_in(client, guest)

    assert client.get(SETTINGS).status_code == 200
    assert client.post(follow_url(working_methods), {"action": "follow"}).status_code == 403
    assert not Follow.objects.exists()


def test_member_chooses_how_each_kind_of_event_reaches_them(client, focal_point):
    choices = {
        "comment": "off",
        "reply": "immediate",
        "meeting": "digest",
        "request": "immediate",
        "item": "off",
        "group_update": "digest",
    }

    response = sign_in(client, focal_point).post(SETTINGS, choices)

    assert response.status_code == 302
    assert (
        dict(
            NotificationPreference.objects.filter(user=focal_point).values_list("kind", "delivery")
        )
        == choices
    )
    page = client.get(SETTINGS)
    assert "Your notification settings have been saved." in page.content.decode()
    assert page.context["form"]["comment"].value() == "off"


def test_an_unknown_choice_is_refused_with_a_message(client, focal_point):
    response = sign_in(client, focal_point).post(SETTINGS, {"comment": "hourly"})

    assert response.status_code == 400
    assert "Choose one of the options." in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_settings_list_the_pages_followed(client, working_methods, focal_point):
    post_comment(page=working_methods, author=focal_point, body="Hello")

    html = sign_in(client, focal_point).get(SETTINGS).content.decode()

    assert "Working methods" in html
    assert "You commented on it" in html


def test_settings_cost_the_same_queries_for_many_followed_pages(
    client, community, group, focal_point
):
    follow(focal_point, group)
    sign_in(client, focal_point).get(SETTINGS)
    queries = count_queries(client, SETTINGS)

    for number in range(10):
        follow(focal_point, make_thematic_group(community["thematic_groups"], f"Group {number}"))

    assert count_queries(client, SETTINGS) == queries
