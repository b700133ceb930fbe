"""Which pages a member may see, weighed page by page on restrictions read in one go
(`visibility.visible_among`): pages that share their restrictions get one verdict, pages
with others their own, whatever their order."""

import pytest

from network_pages.community import thematic_groups, visibility
from network_pages.community.factories import make_update
from network_pages.community.models import ThematicGroupUpdatePage

pytestmark = pytest.mark.django_db


def test_a_members_only_update_among_open_pages_is_left_out_for_a_non_member(
    community, group, private_group, focal_point
):
    private_update = ThematicGroupUpdatePage.objects.child_of(private_group).get()
    open_update = make_update(group, "An open update")
    pages = [open_update, private_update, community["working_methods"], group, private_update]

    assert visibility.pages_visible_to(focal_point, pages) == [
        open_update,
        community["working_methods"],
        group,
    ]


def test_a_member_of_the_group_sees_its_updates_among_the_others(
    community, group, private_group, focal_point
):
    private_update = ThematicGroupUpdatePage.objects.child_of(private_group).get()
    thematic_groups.join(focal_point, private_group)
    member = type(focal_point).objects.get(pk=focal_point.pk)  # groups are read once per object
    pages = [community["working_methods"], private_update, group]

    assert visibility.pages_visible_to(member, pages) == pages
