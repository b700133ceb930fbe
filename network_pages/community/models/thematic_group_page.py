from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from network_pages import access, network_area
from network_pages.community import thematic_groups, visibility
from network_pages.community.comments.mixin import CommentablePageMixin
from network_pages.community.models.follow import Follow
from network_pages.community.models.membership import Membership
from network_pages.community.models.rapporteur import Rapporteur
from network_pages.community.notifications import follow
from network_pages.community.workspace_audiences import workspace_comment_audiences
from nfp_site.prepared_sql import prepared_objects

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ThematicGroupPage(CommentablePageMixin, Page):
    """A thematic group created by the network for specialised expertise (4.8).

    Members join and leave it themselves, on a voluntary basis; the DMR adds members and
    appoints rapporteurs in the admin. Its workspace (the pages below it) can be kept to
    its members and the DMR (`thematic_groups.sync_workspace`).
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    theme = models.CharField(_("theme"), max_length=200)
    mandate = RichTextField(_("mandate"), features=TEXT_FEATURES, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    workspace_members_only = models.BooleanField(
        _("workspace for the group's members only"),
        default=False,
        help_text=_(
            "The group's updates and documents are then visible to its members and the DMR "
            "Secretariat only. The group page itself stays visible to the whole network."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("status"),
        FieldPanel("mandate"),
        FieldPanel("workspace_members_only"),
        MultiFieldPanel(
            [InlinePanel("thematic_sessions", label=_("Thematic session"))],
            heading=_("Thematic sessions of the group"),
        ),
    ]
    parent_page_types = ["community.ThematicGroupIndexPage"]
    subpage_types = ["community.ThematicGroupUpdatePage"]

    class Meta:
        verbose_name = _("thematic group")

    fixed_comment_audience = None  # it depends on the group's setting

    # Groups and updates answered together (`audience.audiences_of`): one query for both.
    comment_audiences_of = staticmethod(workspace_comment_audiences)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source_id = thematic_groups.source_id(self)
        user = request.user
        # Every group page asks these: their SQL is compiled once per process (prepared_sql).
        memberships = prepared_objects("groups.memberships", _memberships_of, source_id)
        rapporteurs = prepared_objects(
            "groups.rapporteurs", _rapporteurs_of, source_id, timezone.localdate()
        )
        sessions = [
            link.page
            for link in prepared_objects("groups.sessions", _session_links_of, source_id)
            if link.page.live
        ]
        path_from, path_to = self._get_children_path_interval(self.path)
        depth = self.depth + 1  # in the name: a stand-in depth would be out of its range
        workspace = prepared_objects(
            f"groups.workspace:{depth}",
            lambda start, end: _workspace_below(start, end, depth),
            path_from,
            path_to,
        )
        # The workspace and the sessions asked together: one reading of their restrictions.
        visible = {page.pk for page in visibility.pages_visible_to(user, [*workspace, *sessions])}
        visible_workspace = [page for page in workspace if page.pk in visible]
        is_member = any(m.user_id == user.pk for m in memberships)
        context.update(
            memberships=memberships,
            rapporteurs=rapporteurs,
            sessions=[page for page in sessions if page.pk in visible],
            workspace=visible_workspace,
            workspace_closed_to_reader=len(visible_workspace) < len(workspace),
            is_group_member=is_member,
            may_join=(
                not is_member
                and self.status != self.Status.CLOSED
                and thematic_groups.may_join(user)
            ),
        )
        return context

    # --- 4.8: members join and leave on a voluntary basis ----------------------------

    @path("join/", name="join")
    def join_route(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not thematic_groups.may_join(request.user):
            return access.refusal(request, access.Verdict.REFUSE)
        try:
            _membership, created = thematic_groups.join(request.user, self)
        except thematic_groups.MembershipRefused as refused:
            messages.error(request, str(refused))
        else:
            follow(request.user, self, reason=Follow.Reason.JOINED)
            if created:
                messages.success(
                    request,
                    gettext("You have joined the thematic group “%(title)s”.")
                    % {"title": self.title},
                )
        return redirect(self.get_url(request))

    @path("leave/", name="leave")
    def leave_route(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if thematic_groups.leave(request.user, self):
            messages.success(
                request,
                gettext("You have left the thematic group “%(title)s”.") % {"title": self.title},
            )
        return redirect(self.get_url(request))


def _workspace_below(path_from: str, path_to: str, depth: int) -> QuerySet:
    """The live pages at `depth` whose paths are from `path_from` to `path_to` (a group's
    children, as `Page.objects.child_of` finds them), newest first, 50 at most, each with
    its source's path if it is an alias (`visibility.with_source_path`)."""
    pages = Page.objects.filter(depth=depth, path__range=(path_from, path_to), live=True)
    return visibility.with_source_path(pages).order_by("-first_published_at", "-pk")[:50]


def _memberships_of(group_id: int) -> QuerySet:
    return (
        Membership.objects.filter(group_id=group_id)
        .select_related("user__member_profile__member_state")
        .order_by("user__last_name", "user__first_name")
    )


def _rapporteurs_of(group_id: int, today: date) -> QuerySet:
    return (
        Rapporteur.objects.current(today)
        .filter(thematic_group_id=group_id)
        .select_related("user__member_profile__member_state")
    )


def _session_links_of(group_id: int) -> QuerySet:
    return (
        ThematicSessionLink.objects.filter(group_id=group_id)
        .select_related("page")
        .order_by("sort_order")
    )


class ThematicSessionLink(Orderable):
    """A thematic session (4.3) held by or for the group: a meeting page of the network."""

    group = ParentalKey(
        ThematicGroupPage, on_delete=models.CASCADE, related_name="thematic_sessions"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("meeting page"),
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("thematic session")
        verbose_name_plural = _("thematic sessions")

    def clean(self) -> None:
        if self.page_id and not network_area.is_in_network_area(self.page):
            raise ValidationError(
                {"page": _("Choose a meeting page in the network area, not a public page.")}
            )
