from django.db import models
from django.db.models import F, OuterRef, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from network_pages.community.thematic_groups import GroupRow
from network_pages.community.worklists import count_of
from nfp_site.page_counts import OncePerParent
from nfp_site.prepared_sql import prepared_rows

from .membership import Membership
from .thematic_group_page import ThematicGroupPage

# What the index shows of each group and what its link needs (`community_tags.group_rows`,
# `thematic_groups.GroupRow`); then its members counted and whether the reader is one of
# them.
GROUP_ROW_COLUMNS = ("page_ptr_id", "url_path", "title", "theme", "status")
_COUNT_COLUMNS = ("nfp_members", "nfp_joined")


def _groups_below(path_from: str, path_to: str, depth: int, user_id: int) -> QuerySet:
    """The live groups among the pages at `depth` whose paths are from `path_from` to
    `path_to` (an index page's children, as treebeard finds them), by title, as rows of
    `GROUP_ROW_COLUMNS` with their members counted and whether `user_id` is one: the
    memberships are the group's source's (`thematic_groups.source_id`)."""
    memberships = Membership.objects.filter(group_id=OuterRef("nfp_group"))
    return (
        ThematicGroupPage.objects.filter(depth=depth, path__range=(path_from, path_to), live=True)
        .annotate(nfp_group=Coalesce(F("alias_of_id"), F("page_ptr_id")))
        .annotate(
            nfp_members=count_of(memberships),
            nfp_joined=count_of(memberships.filter(user_id=user_id)),
        )
        .order_by("title")
        .values_list(*GROUP_ROW_COLUMNS, *_COUNT_COLUMNS)
    )


class ThematicGroupIndexPage(OncePerParent, Page):
    """The network's thematic groups (4.8), with a way to join each one."""

    intro = models.TextField(_("introduction"), blank=True, max_length=2000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["network_pages.NetworkHomePage"]
    subpage_types = ["community.ThematicGroupPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("thematic groups index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.group_listing(request.user)
        return context

    def group_listing(self, user) -> list[GroupRow]:
        """The live groups below the index, by title, each with its size and whether `user`
        belongs to it, as far as the index shows them and links to them: one query, its
        SQL compiled once per process (issue 17), the groups read as rows, not made into
        pages (~40 µs a group, 44 of them at the network's size)."""
        user_id = user.pk if user.is_authenticated else 0
        path_from, path_to = self._get_children_path_interval(self.path)
        depth = self.depth + 1  # in the name: a stand-in depth would be out of its range
        rows = prepared_rows(
            f"community.groups_index:{depth}",
            lambda start, end, reader: _groups_below(start, end, depth, reader),
            path_from,
            path_to,
            user_id,
        )
        return [
            GroupRow(*columns, member_count=members, is_member=user.is_authenticated and joined > 0)
            for *columns, members, joined in rows
        ]
