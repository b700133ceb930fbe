"""4.8: thematic groups that members join and leave on a voluntary basis, and that the DMR
manages in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from network_pages.community import thematic_groups
from network_pages.community.factories import make_comment, make_thematic_group, make_update
from network_pages.community.models import Follow, Membership, ThematicSessionLink
from network_pages.factories import make_member
from tests.conftest import sign_in

from .conftest import count_queries, url_of

pytestmark = pytest.mark.django_db

# Measured: 33 queries for a Focal Point's view of a group page, whatever the number of its
# members, updates and comments. The page's own share: members, rapporteurs, sessions,
# workspace pages and their restrictions (with groups), and the comments (see
# test_comment_listing); the rest is the session, OTP device, routing and access rule.
GROUP_PAGE_BUDGET = 33 + 3


def access_groups_of(user) -> set[str]:
    return set(
        user.groups.filter(name__startswith=thematic_groups.GROUP_PREFIX).values_list(
            "name", flat=True
        )
    )


def test_focal_point_joins_a_group_and_enters_its_access_group(client, group, focal_point):
    response = sign_in(client, focal_point).post(url_of(group, "join/"))

    assert response.status_code == 302
    assert Membership.objects.filter(user=focal_point, group=group).exists()
    assert access_groups_of(focal_point) == {f"Thematic group: {group.pk}"}
    assert Follow.objects.filter(user=focal_point, page=group, active=True).exists()
    assert "You have joined the thematic group" in client.get(response["Location"]).content.decode()


def test_joining_twice_keeps_one_membership(client, group, focal_point):
    sign_in(client, focal_point)

    client.post(url_of(group, "join/"))
    client.post(url_of(group, "join/", language="fr"))

    assert Membership.objects.filter(user=focal_point).count() == 1
    assert Membership.objects.get(user=focal_point).group_id == group.pk


def test_focal_point_leaves_a_group_and_its_access_group(client, group, focal_point):
    thematic_groups.join(focal_point, group)

    response = sign_in(client, focal_point).post(url_of(group, "leave/"))

    assert response.status_code == 302
    assert not Membership.objects.filter(user=focal_point).exists()
    assert access_groups_of(focal_point) == set()


def test_a_closed_group_takes_no_new_members(client, community, focal_point):
    closed = make_thematic_group(community["thematic_groups"], "Closed group", status="closed")

    response = sign_in(client, focal_point).post(url_of(closed, "join/"))

    assert not Membership.objects.exists()
    assert "This thematic group is closed" in client.get(response["Location"]).content.decode()


def test_joining_is_a_post(client, group, focal_point):
    response = sign_in(client, focal_point).get(url_of(group, "join/"))

    assert response.status_code == 405
    assert not Membership.objects.exists()


def test_guests_do_not_join_thematic_groups(group, guest):
    with pytest.raises(thematic_groups.MembershipRefused):
        thematic_groups.join(guest, group)


def test_group_page_lists_members_and_offers_to_join(client, group, focal_point, approver):
    thematic_groups.join(approver, group)

    html = sign_in(client, focal_point).get(url_of(group)).content.decode()

    assert "Approver Tester (Italy)" in html
    assert 'action="/en/network/thematic-groups/reception-of-unaccompanied-children/join/"' in html


def test_index_lists_each_group_with_its_members_count(client, community, group, focal_point):
    thematic_groups.join(focal_point, group)

    response = sign_in(client, focal_point).get(url_of(community["thematic_groups"]))

    [summary] = response.context["groups"]
    assert (summary.id, summary.member_count, summary.is_member) == (group.pk, 1, True)


def test_index_costs_the_same_queries_for_many_groups(client, community, focal_point):
    index = community["thematic_groups"]
    make_thematic_group(index, "Group 0")
    sign_in(client, focal_point).get(url_of(index))
    queries = count_queries(client, url_of(index))

    for number in range(1, 6):
        thematic_groups.join(focal_point, make_thematic_group(index, f"Group {number}"))

    assert count_queries(client, url_of(index)) == queries


def test_a_thematic_session_must_be_a_page_of_the_network_area(group, homes, network):
    public = ThematicSessionLink(group=group, page=homes["en"])
    restricted = ThematicSessionLink(group=group, page=network)

    with pytest.raises(ValidationError):
        public.clean()
    restricted.clean()


def test_deleting_a_group_deletes_its_access_group(group, focal_point):
    thematic_groups.join(focal_point, group)
    name = thematic_groups.workspace_group_name(group)

    group.delete()

    assert not Group.objects.filter(name=name).exists()


# --- The DMR in the admin ------------------------------------------------------------


def test_dmr_adds_a_member_in_the_admin(client, group, focal_point, dmr_user):
    response = sign_in(client, dmr_user).post(
        reverse("thematic_group_members:add"), {"user": focal_point.pk, "group": group.pk}
    )

    membership = Membership.objects.get()
    assert response.status_code == 302
    assert (membership.user, membership.group_id, membership.added_by) == (
        focal_point,
        group.pk,
        dmr_user,
    )
    assert access_groups_of(focal_point) == {f"Thematic group: {group.pk}"}


def test_dmr_cannot_add_someone_outside_the_network(client, group, outsider, dmr_user):
    response = sign_in(client, dmr_user).post(
        reverse("thematic_group_members:add"), {"user": outsider.pk, "group": group.pk}
    )

    assert response.status_code == 200
    assert "user" in response.context["form"].errors
    assert not Membership.objects.exists()


def test_dmr_moving_a_membership_moves_the_access_group(
    client, community, group, focal_point, dmr_user
):
    other = make_thematic_group(community["thematic_groups"], "Other group")
    membership, _ = thematic_groups.join(focal_point, group)

    sign_in(client, dmr_user).post(
        reverse("thematic_group_members:edit", args=[membership.pk]),
        {"user": focal_point.pk, "group": other.pk},
    )

    assert access_groups_of(focal_point) == {f"Thematic group: {other.pk}"}


def test_focal_points_have_no_membership_admin(client, group, focal_point):
    response = sign_in(client, focal_point).get(reverse("thematic_group_members:index"))

    assert response.status_code == 302


def test_group_page_costs_the_same_queries_for_many_members_and_updates(
    client, group, focal_point, approver
):
    thematic_groups.join(approver, group)
    make_update(group, "First update")
    make_comment(group, approver, "A comment")
    sign_in(client, focal_point).get(url_of(group))
    queries = count_queries(client, url_of(group))

    for number in range(15):
        member = make_member(f"member{number}", state="PL")
        thematic_groups.join(member, group)
        make_update(group, f"Update {number}")
        make_comment(group, member, f"Comment {number}")

    assert count_queries(client, url_of(group)) == queries <= GROUP_PAGE_BUDGET
