"""The "Thematic groups and comments" menu of the Wagtail admin, for the DMR (4.8, 4.9):
members of thematic groups, thematic rapporteurs and the moderation of members' comments.
Permissions are the model permissions that this app's migration gives the DMR Secretariat.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from network_pages.community.models import MemberComment, Membership, Rapporteur

from .forms import CommentModerationForm, MembershipForm, RapporteurForm
from .views import CommentModerationView, MembershipCreateView, RapporteurCreateView


class MembershipViewSet(ModelViewSet):
    model = Membership
    name = "thematic_group_members"
    url_prefix = "thematic-group-members"
    icon = "group"
    add_view_class = MembershipCreateView
    list_display = ["__str__", "group", "joined_at", "added_by"]
    list_filter = ["group"]
    search_fields = ["user__first_name", "user__last_name", "user__username"]
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return MembershipForm


class RapporteurViewSet(ModelViewSet):
    model = Rapporteur
    name = "thematic_rapporteurs"
    url_prefix = "thematic-rapporteurs"
    icon = "user"
    add_view_class = RapporteurCreateView
    list_display = ["__str__", "thematic_group", "start_date", "end_date"]
    list_filter = ["thematic_group"]
    search_fields = ["user__first_name", "user__last_name", "theme"]
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return RapporteurForm


class ModerationStatusColumn(Column):
    def get_value(self, instance):
        if instance.is_deleted:
            return _("Deleted by its author")
        if instance.is_hidden:
            return _("Hidden")
        return _("Shown")


class MemberCommentViewSet(ModelViewSet):
    """Members' comments, newest first: the DMR hides one with a reason, or shows it again.
    Comments are neither written nor deleted here (a hidden comment is kept for the record).
    """

    model = MemberComment
    name = "member_comments"
    url_prefix = "member-comments"
    icon = "comment"
    menu_label = _("Member comments")
    edit_view_class = CommentModerationView
    list_display = [
        "__str__",
        "page",
        "author",
        "language",
        DateColumn("created_at", label=_("Posted")),
        ModerationStatusColumn("status", label=_("Status")),
    ]
    search_fields = ["body"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return CommentModerationForm

    def get_queryset(self, request):
        return MemberComment.objects.select_related("page", "author")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, delete_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in {"add", "delete"}
        ]


class CommunityViewSetGroup(ViewSetGroup):
    menu_label = _("Thematic groups and comments")
    menu_name = "community"
    menu_icon = "group"
    menu_order = 610
    items = (MembershipViewSet, RapporteurViewSet, MemberCommentViewSet)
