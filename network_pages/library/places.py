"""Where a library is, and who reads it and adds to it: the one rule for every library URL
and for the files of its entries (`document_owners`).

- The network's library: the network's members (never its guests); the DMR adds to it.
- A meeting's library: whoever reads the meeting (members, and the guests invited to it),
  once the meeting is published; the DMR adds to it, and its Focal Points too if the DMR
  lets them for that meeting (`UploadPolicy`).
- A thematic group's library: whoever reads the group's workspace (only its members and
  the DMR when the workspace is for its members only, 4.8); the DMR adds to it, and the
  group's members too if the group lets them.

Callers check first that the request is signed in and verified (`access.is_verified`).
"""

from dataclasses import dataclass
from enum import StrEnum

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Page, PageViewRestriction

from network_pages import access, network_area
from network_pages.community import thematic_groups
from network_pages.community.models import ThematicGroupPage
from network_pages.meetings import participants
from network_pages.meetings.models import MeetingPage
from nfp_site.prepared_sql import prepared_objects, prepared_rows

from .models import LibraryEntry, UploadPolicy


class Kind(StrEnum):
    NETWORK = "network"
    MEETING = "meeting"
    GROUP = "group"


@dataclass(frozen=True)
class Library:
    """One library: the network's (`page` None), a meeting's or a thematic group's (its
    source page: the French alias of a meeting shows the same library)."""

    kind: Kind
    page: Page | None = None

    @property
    def title(self) -> str:
        if self.page is None:
            return str(_("Library of the network"))
        return str(_("Library: %(title)s")) % {"title": self.page.title}

    def url(self) -> str:
        if self.kind is Kind.NETWORK:
            return reverse("library:network")
        name = "library:meeting" if self.kind is Kind.MEETING else "library:group"
        return reverse(name, kwargs={"page_id": self.page.pk})

    def upload_url(self) -> str:
        if self.kind is Kind.NETWORK:
            return reverse("library:network_add")
        name = "library:meeting_add" if self.kind is Kind.MEETING else "library:group_add"
        return reverse(name, kwargs={"page_id": self.page.pk})

    def entries(self):
        """The entries of this library (a queryset)."""
        if self.kind is Kind.MEETING:
            return LibraryEntry.objects.filter(meeting_id=self.page.pk)
        if self.kind is Kind.GROUP:
            return LibraryEntry.objects.filter(thematic_group_id=self.page.pk)
        return LibraryEntry.objects.filter(meeting__isnull=True, thematic_group__isnull=True)

    def place(self, entry: LibraryEntry) -> None:
        """Put a new entry in this library."""
        entry.meeting = self.page if self.kind is Kind.MEETING else None
        entry.thematic_group = self.page if self.kind is Kind.GROUP else None


NETWORK = Library(Kind.NETWORK)


def library_of(entry: LibraryEntry) -> Library:
    if entry.meeting_id:
        return Library(Kind.MEETING, entry.meeting)
    if entry.thematic_group_id:
        return Library(Kind.GROUP, entry.thematic_group)
    return NETWORK


def find_library(kind: Kind, page_id: int) -> Library | None:
    """The library of a meeting or group by its page's id (an alias's id leads to its
    source), or None if there is no such page."""
    model = MeetingPage if kind is Kind.MEETING else ThematicGroupPage
    # Every view of a meeting's or group's library asks: compiled once (prepared_sql).
    found = prepared_objects(
        f"library.find.{model.__name__}",
        lambda pk: model.objects.filter(pk=pk).order_by("pk")[:1],
        page_id,
    )
    page = found[0] if found else None
    if page is None:
        return None
    return Library(kind, network_area.source_of(page))


def may_read(user, library: Library) -> bool:
    """Would this user, verified, read the library and every file in it?"""
    if not user.is_active:
        return False
    if library.kind is Kind.NETWORK:
        return access.is_member(user)
    if not access.may_read_attachments_of(user, library.page):
        return False
    if library.kind is Kind.GROUP and library.page.workspace_members_only:
        return access.is_dmr(user) or in_workspace_group(user, library.page)
    return True


def in_workspace_group(user, group_page: Page) -> bool:
    """A member of the thematic group (its Django group, kept in step with memberships)."""
    name = thematic_groups.GROUP_NAME.format(pk=thematic_groups.source_id(group_page))
    return name in access.group_names_of(user)


def focal_points_may_upload(library: Library) -> bool:
    if library.page is None:
        return False
    return UploadPolicy.objects.filter(
        page_id=library.page.pk, focal_points_may_upload=True
    ).exists()


def may_upload(user, library: Library) -> bool:
    """The DMR everywhere; the network's library is the DMR's alone (its documents speak
    for the whole network); a meeting's, any member of the network who reads it when the
    DMR allows it for that meeting (guests never); a group's, the group's members when the
    group allows it."""
    if not may_read(user, library):
        return False
    if access.is_dmr(user):
        return True
    if library.kind is Kind.NETWORK or not access.is_member(user):
        return False
    if library.kind is Kind.GROUP and not in_workspace_group(user, library.page):
        return False
    return focal_points_may_upload(library)


def may_set_policy(user, library: Library) -> bool:
    return library.kind is not Kind.NETWORK and may_read(user, library) and access.is_dmr(user)


def collection_for(library: Library) -> Collection:
    """Where the files of a library are stored: a collection whose restriction lets in at
    least the library's readers (the meeting's guests need the meeting's own collection),
    the owner rule narrowing it to exactly them."""
    if library.kind is Kind.MEETING:
        return participants.ensure_meeting_access(library.page).documents_collection
    if library.kind is Kind.GROUP:
        return thematic_groups.workspace_collection(library.page)
    return network_area.ensure_network_collection()


@dataclass
class Readable:
    """The libraries with entries that one reader may read (`readable_libraries`)."""

    network: bool
    meetings: list[Library]
    groups: list[Library]

    @property
    def libraries(self) -> list[Library]:
        return ([NETWORK] if self.network else []) + self.meetings + self.groups

    def entries(self):
        """Every entry of these libraries, and of no other (a queryset)."""
        where = Q(meeting_id__in=[library.page.pk for library in self.meetings])
        where |= Q(thematic_group_id__in=[library.page.pk for library in self.groups])
        if self.network:
            where |= Q(meeting__isnull=True, thematic_group__isnull=True)
        return LibraryEntry.objects.filter(where)

    def by_page_id(self) -> dict[int, Library]:
        return {library.page.pk: library for library in self.meetings + self.groups}


def _library_pages(pages_wanted: Q, meeting_type: int, group_type: int) -> QuerySet:
    return (
        Page.objects.filter(pages_wanted, content_type__in=[meeting_type, group_type])
        .annotate(
            opening=F("meetingpage__opening"),
            workspace_members_only=F("thematicgrouppage__workspace_members_only"),
        )
        .only("pk", "path", "title", "live", "alias_of_id", "content_type_id", "locale_id")
        .order_by("title", "pk")
    )


def _libraries_on(pages_wanted: Q) -> tuple[list[Library], list[Library]]:
    """(meetings' libraries, groups' libraries) of the pages `pages_wanted` selects, in one
    query, their restrictions primed for `may_read` (`access.prime_view_restrictions`)."""
    meeting_type = ContentType.objects.get_for_model(MeetingPage)
    group_type = ContentType.objects.get_for_model(ThematicGroupPage)
    pages = list(_library_pages(pages_wanted, meeting_type.pk, group_type.pk))
    access.prime_view_restrictions(pages)
    meetings, groups = [], []
    for page in pages:
        if page.content_type_id == meeting_type.pk:
            meetings.append(Library(Kind.MEETING, page))
        else:
            groups.append(Library(Kind.GROUP, page))
    meetings.sort(key=lambda library: library.page.opening, reverse=True)
    return meetings, groups


def readable_libraries(user) -> Readable:
    """The libraries holding entries that this verified user may read, by `may_read`, in a
    fixed number of queries however many libraries there are: the pages of the meetings
    and groups that have entries (one query), then their restrictions. A library the user
    may not read is not named at all."""
    with_entries = Q(pk__in=LibraryEntry.objects.filter(meeting__isnull=False).values("meeting"))
    with_entries |= Q(
        pk__in=LibraryEntry.objects.filter(thematic_group__isnull=False).values("thematic_group")
    )
    meetings, groups = _libraries_on(with_entries)
    return Readable(
        network=user.is_active and access.is_member(user),
        meetings=[library for library in meetings if may_read(user, library)],
        groups=[library for library in groups if may_read(user, library)],
    )


def key_of(library: Library) -> str:
    """The library as a form's value: "network", "meeting-12", "group-7"."""
    return library.kind.value if library.page is None else f"{library.kind.value}-{library.page.pk}"


def may_move(user, library: Library) -> bool:
    """Moving an entry out of a library, or into one, is the DMR's: it decides who reads it."""
    return access.is_dmr(user) and may_upload(user, library)


@dataclass(frozen=True)
class MoveTarget:
    """A library the move form offers (`move_targets`): as the form names it, its page
    read again only once it is chosen."""

    kind: Kind
    page_id: int | None
    title: str  # the meeting's or group's own title, or the network library's

    @property
    def key(self) -> str:
        """As `key_of` names the library."""
        return self.kind.value if self.page_id is None else f"{self.kind.value}-{self.page_id}"

    def library(self) -> Library | None:
        """The library itself, or None if its page is gone meanwhile."""
        if self.page_id is None:
            return NETWORK
        return find_library(self.kind, self.page_id)


def move_targets(user, current: Library) -> list[MoveTarget]:
    """The libraries `user` may move an entry of `current` into (`may_move`): the
    network's, every meeting's (the latest opening first) and every thematic group's they
    manage (the pages in the network's language, not their French aliases), in two queries
    of rows, whatever the number of libraries and of restrictions.

    Whoever may move at all is the DMR (or a superuser): active, a member, reading pages
    that are not live and every members-only workspace, adding to every library they read.
    For them, `may_move` on a meeting's or a group's library is the access rule alone on its
    page, and the rule lets a member in unless one restriction on the page or an ancestor
    refuses them by itself (`access.verdict_for_user`): only the places of those
    restrictions are read (none, for the DMR as the network is set up), never every
    restriction with its groups, weighed page by page."""
    if not may_move(user, current):
        return []
    user = getattr(user, "_wrapped", user)  # request.user: the user behind it
    refused = refused_places(user)
    meeting_type = ContentType.objects.get_for_model(MeetingPage).pk
    group_type = ContentType.objects.get_for_model(ThematicGroupPage).pk
    # Every entry's page the DMR opens asks it: its SQL compiled once per process.
    rows = prepared_rows("library.move_targets", _source_library_rows, meeting_type, group_type)
    meetings, groups = [], []
    for pk, path, title, content_type_id, opening in rows:
        if refused and any(ancestor in refused for ancestor in access.ancestor_paths(path)):
            continue
        if content_type_id == meeting_type:
            meetings.append((opening, MoveTarget(Kind.MEETING, pk, title)))
        else:
            groups.append(MoveTarget(Kind.GROUP, pk, title))
    # Stable: meetings opening on the same day stay in the order of their titles.
    meetings.sort(key=lambda found: found[0], reverse=True)
    here = key_of(current)
    network = MoveTarget(Kind.NETWORK, None, NETWORK.title)
    return [
        target
        for target in (network, *(target for _opening, target in meetings), *groups)
        if target.key != here
    ]


def _source_library_rows(meeting_type: int, group_type: int) -> QuerySet:
    return (
        Page.objects.filter(alias_of__isnull=True, content_type__in=[meeting_type, group_type])
        .annotate(opening=F("meetingpage__opening"))
        .values_list("pk", "path", "title", "content_type_id", "opening")
        .order_by("title", "pk")
    )


def refused_places(user) -> frozenset[str]:
    """The tree paths where a view restriction refuses `user`, a verified member, by itself:
    a page below one of them (or at it) is refused to them, any other let in. A restriction
    on a page applies at the page unless it is an alias, and at each of its aliases, as
    `access.view_restrictions_of` reads them. A superuser passes every restriction."""
    if user.is_superuser:
        return frozenset()
    names = sorted(access.group_names_of(user))
    # Asked on every entry's page the DMR opens: its SQL compiled once per number of groups.
    if names:
        rows = prepared_rows("library.refused_places", _refused_places, names)
    else:
        rows = list(_refused_places([]))
    return frozenset(path for (path,) in rows)


def _refused_places(group_names: list[str]) -> QuerySet:
    refusing = PageViewRestriction.objects.exclude(restriction_type=PageViewRestriction.LOGIN)
    if group_names:
        # A restriction naming one of the user's groups lets them in; every other refuses.
        refusing = refusing.exclude(
            restriction_type=PageViewRestriction.GROUPS,
            pk__in=PageViewRestriction.groups.through.objects.filter(
                group__name__in=group_names
            ).values("pageviewrestriction_id"),
        )
    pages = refusing.values("page_id")
    return (
        Page.objects.filter(Q(pk__in=pages, alias_of__isnull=True) | Q(alias_of__in=pages))
        .values_list("path")
        .order_by()
    )
