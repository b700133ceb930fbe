"""Which pages a member may see, weighed page by page on restrictions read in one go
(`visibility.visible_among`): pages that share their restrictions get one verdict, pages
with others their own, whatever their order."""

import pytest
from django.db import connection
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from network_pages import access
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


# --- the restrictions on many paths, read in one query (`access.restrictions_on_paths`) ---


def _as_read(restrictions) -> list[tuple]:
    return sorted(
        (r.pk, r.page_id, r.page.path, r.restriction_type, r.password)
        + (tuple(sorted(group.name for group in r.groups.all())),)
        for r in restrictions
    )


def _pages_below(page, count: int, first_id: int) -> list[Page]:
    """`count` pages (not saved) right below `page`, as the rule reads a page: where it is."""
    return [
        Page(pk=first_id + number, path=f"{page.path}{number + 1:04d}", depth=page.depth + 1)
        for number in range(count)
    ]


def test_the_restrictions_on_paths_are_those_on_exactly_these_paths(
    community, group, private_group
):
    every_path = sorted(
        {
            ancestor
            for path in Page.objects.values_list("path", flat=True)
            for ancestor in access.ancestor_paths(path)
        }
    )
    # Fewer and more than the 50 parameters psycopg parses once, and paths of no page.
    unknown = [f"{private_group.path}{number:04d}" for number in range(1, 200)]
    for paths in (every_path[:1], every_path[:60], every_path, every_path + unknown):
        expected = access.restrictions_with_groups(Q(page__path__in=paths))
        assert _as_read(access.restrictions_on_paths(paths)) == _as_read(expected)
    assert access.restrictions_on_paths([]) == []


def _restricted_in(private_group) -> Page:
    """The page of the members-only group's workspace that holds its restriction."""
    restricted = PageViewRestriction.objects.filter(page__path__startswith=private_group.path)
    return Page.objects.get(pk=restricted.values("page")[:1])


def test_a_path_is_never_a_pattern(community, private_group):
    """The paths are compared for equality, as `__in` compares them: `_` and `%` match
    nothing but themselves (a tree path holds neither)."""
    path = _restricted_in(private_group).path
    patterns = [f"{path[:-1]}_", f"{path[:-4]}%", "%", "_" * len(path), f"{path}%", f"%{path}"]

    assert access.restrictions_on_paths(patterns) == []
    assert access.restrictions_on_paths([*patterns, path]) != []


def test_among_many_pages_those_under_a_restriction_the_reader_does_not_pass_are_left_out(
    community, group, private_group, focal_point
):
    """~300 paths, as the network home's activity weighs: the restrictions of each page
    are those of its ancestors, whatever the number of paths read at once."""
    restricted = _restricted_in(private_group)
    refused = _pages_below(restricted, 80, first_id=10_000_000)
    open_pages = _pages_below(group, 80, first_id=20_000_000)
    pages = [*open_pages[:40], *refused, *open_pages[40:], restricted]

    assert visibility.pages_visible_to(focal_point, pages) == open_pages

    thematic_groups.join(focal_point, private_group)
    member = type(focal_point).objects.get(pk=focal_point.pk)  # groups are read once per object
    assert visibility.pages_visible_to(member, pages) == pages


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the paths are one array parameter in PostgreSQL"
)
def test_the_restrictions_on_any_number_of_paths_are_read_by_the_same_sql(community):
    """One SQL text whatever the number of paths (psycopg parses a query again at every use
    beyond 50 parameters), the paths one parameter."""
    paths = sorted(Page.objects.values_list("path", flat=True))
    few = access.prepared_array(
        "access.restrictions_on_paths", access._restrictions_on_path_array, paths[:2]
    )
    many = access.prepared_array(
        "access.restrictions_on_paths", access._restrictions_on_path_array, paths
    )

    assert few[0] == many[0]
    # One parameter: the paths written as PostgreSQL writes an array (`array_parameter`).
    assert "{" + ",".join(paths) + "}" in many[1]
