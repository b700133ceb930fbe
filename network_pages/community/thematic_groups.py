"""Thematic groups (4.8): joining and leaving, and a workspace for the group's members only.

Each group has a Django group of its own ("Thematic group: <page id>"), kept in step with
its memberships. When the group keeps its workspace to its members, every page of the
workspace (the group page's children) carries a view restriction naming that group and the
DMR Secretariat, and the workspace's documents sit in a collection restricted the same way:
the one access rule in `network_pages.access` then does every check. The group page itself
(theme, mandate, members, rapporteurs, sessions) stays open to the whole network, so that
Focal Points can see what a group does and join it on a voluntary basis.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from network_pages import access, network_area, roles
from network_pages.community.comments import audience as comment_audience
from network_pages.community.models.membership import Membership
from network_pages.search import document_cache

GROUP_PREFIX = "Thematic group: "
GROUP_NAME = GROUP_PREFIX + "{pk}"
CLOSED = "closed"  # ThematicGroupPage.Status.CLOSED
COLLECTION_PREFIX = "Thematic group {pk}:"


class MembershipRefused(Exception):
    """Joining is not possible; the message says why and can be shown."""


def workspace_group_name(group_page: Page) -> str:
    return GROUP_NAME.format(pk=network_area.source_of(group_page).pk)


def workspace_group(group_page: Page) -> Group:
    return Group.objects.get_or_create(name=workspace_group_name(group_page))[0]


def may_join(user) -> bool:
    """Members of the network join thematic groups; guests are invited to sessions instead."""
    return access.is_verified(user) and access.is_member(user)


@transaction.atomic
def join(user, group_page, *, added_by=None) -> tuple[Membership, bool]:
    """Make `user` a member of the group (idempotent). Refused for a closed group."""
    source = network_area.source_of(group_page).specific
    if source.status == CLOSED:
        raise MembershipRefused(gettext("This thematic group is closed: it takes no new members."))
    if not access.is_member(user):
        raise MembershipRefused(gettext("Only members of the network can join a thematic group."))
    membership, created = Membership.objects.get_or_create(
        user=user, group=source, defaults={"added_by": added_by}
    )
    return membership, created


@transaction.atomic
def leave(user, group_page) -> bool:
    source = network_area.source_of(group_page).specific
    deleted, _ = Membership.objects.filter(user=user, group=source).delete()
    return bool(deleted)


def sync_workspace_groups_of(user) -> None:
    """Put the user in the Django group of each thematic group they belong to, and in no
    other (after joining, leaving, or the DMR moving a membership in the admin)."""
    wanted = {
        GROUP_NAME.format(pk=pk)
        for pk in Membership.objects.filter(user=user).values_list("group_id", flat=True)
    }
    for name in wanted:
        Group.objects.get_or_create(name=name)
    current = set(user.groups.filter(name__startswith=GROUP_PREFIX).values_list("name", flat=True))
    if wanted - current:
        user.groups.add(*Group.objects.filter(name__in=wanted - current))
    if current - wanted:
        user.groups.remove(*Group.objects.filter(name__in=current - wanted))
    if hasattr(user, "_nfp_group_names"):
        del user._nfp_group_names  # the access rule's per-user cache


def delete_workspace_group(group_page: Page) -> None:
    Group.objects.filter(name=GROUP_NAME.format(pk=group_page.pk)).delete()


# --- The members-only workspace ---------------------------------------------------------


def _restrict(restriction, group: Group) -> None:
    restriction.groups.set([group, *Group.objects.filter(name=roles.DMR_SECRETARIAT)])


def workspace_collection(group_page: Page) -> Collection:
    """The collection for the documents of this group's workspace (created when needed)."""
    source = network_area.source_of(group_page).specific
    network_collection = network_area.ensure_network_collection()
    prefix = COLLECTION_PREFIX.format(pk=source.pk)
    name = f"{prefix} {source.title}"[:255]
    collection = network_collection.get_children().filter(name__startswith=prefix).first()
    if collection is None:
        collection = network_collection.add_child(name=name)
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


@transaction.atomic
def sync_workspace(group_page: Page) -> None:
    """Restrict (or open) the workspace's pages and documents as the group's setting says.

    Runs when the group or a workspace page is published, created or moved.
    """
    source = network_area.source_of(group_page).specific
    group = workspace_group(source)
    members_only = source.workspace_members_only
    children = list(Page.objects.child_of(source).filter(alias_of__isnull=True))
    ours = PageViewRestriction.objects.filter(groups=group)
    for child in children:
        existing = ours.filter(page=child).first()
        if members_only and existing is None:
            restriction = PageViewRestriction.objects.create(
                page=child, restriction_type=PageViewRestriction.GROUPS
            )
            _restrict(restriction, group)
        elif not members_only and existing is not None:
            existing.delete()
    # A workspace page moved elsewhere takes no restriction of ours with it.
    ours.exclude(page__in=children).delete()

    collection = workspace_collection(source)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, groups=group
    ).first()
    if members_only:
        if restriction is None:
            restriction = CollectionViewRestriction.objects.create(
                collection=collection, restriction_type=CollectionViewRestriction.GROUPS
            )
            _restrict(restriction, group)
        # Documents already linked from the workspace move in with it.
        moved = (
            get_document_model()
            .objects.filter(thematic_group_updates__update__in=children)
            .exclude(collection=collection)
            .update(collection=collection)
        )
        if moved:
            # No signal for a bulk update: the search's kept documents go by hand.
            document_cache.start_new_generation()
    elif restriction is not None:
        restriction.delete()


def sync_workspaces_around(page: Page) -> None:
    """After a workspace page moved: its new group's workspace, and every group whose
    restriction it still carries (so that a restriction of the old group goes)."""
    group_ids = {
        int(name.removeprefix(GROUP_PREFIX))
        for name in Group.objects.filter(
            pageviewrestriction__page=page, name__startswith=GROUP_PREFIX
        ).values_list("name", flat=True)
    }
    parent = page.get_parent()
    if hasattr(parent.specific, "workspace_members_only"):
        group_ids.add(parent.pk)
    for group in Page.objects.filter(pk__in=group_ids).specific():
        sync_workspace(group)


def document_collection_allowed(group_page: Page, collection: Collection) -> bool:
    """Documents of a workspace are confidential: in the network's collection, or in the
    group's own one when the workspace is for its members only."""
    source = network_area.source_of(group_page).specific
    if source.workspace_members_only:
        return collection.pk == workspace_collection(source).pk
    network_collection = network_area.ensure_network_collection()
    return collection.pk == network_collection.pk or collection.is_descendant_of(network_collection)


# --- Listings -------------------------------------------------------------------------


def source_id(page: Page) -> int:
    """The id records attach to (`network_area.source_of`), without loading the source."""
    return page.alias_of_id or page.pk


@dataclass
class GroupSummary:
    page: Page
    member_count: int
    is_member: bool


class GroupRow(NamedTuple):
    """A group as the thematic groups index shows it (`group_rows`), read as a row, not made
    into a page: its address (as `page_urls` takes it), what the row writes, its members
    counted and whether the reader is one of them."""

    id: int
    url_path: str
    title: str
    theme: str
    status: str
    member_count: int
    is_member: bool


# --- Comment audiences (comments/audience.py) -------------------------------------------


def comment_audiences(
    pages: Iterable[Page], group_of: dict[int, int], members_only: set[int] | None = None
) -> dict[int, comment_audience.CommentAudience]:
    """`group_of` maps each page id to its group's (source) id: a members-only group's
    pages have the group's members for comment audience, other groups' the network's.
    One query whatever the number of pages, none when the caller knows which groups are
    `members_only` already."""
    if members_only is None:
        members_only = set(
            Page.objects.filter(
                pk__in=set(group_of.values()), thematicgrouppage__workspace_members_only=True
            ).values_list("pk", flat=True)
        )
    return {
        page.pk: (
            comment_audience.group_members(GROUP_NAME.format(pk=group_of[page.pk]))
            if group_of.get(page.pk) in members_only
            else comment_audience.NETWORK_MEMBERS
        )
        for page in pages
    }
