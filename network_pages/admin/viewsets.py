"""The "Network membership" menu of the Wagtail admin: member profiles, inviting a member,
member states and national networks. Permissions are the Django model permissions that the
roles migration gives the DMR Secretariat; the other roles have no admin access at all."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from network_pages.models import MemberProfile, MemberState, NationalNetworkOrganisation

from .forms import MemberProfileCreateForm, MemberProfileForm, NationalNetworkOrganisationForm
from .views import (
    InviteView,
    MemberProfileEditView,
    MemberProfileIndexView,
    NationalNetworkCreateView,
    NationalNetworkEditView,
    ResendInvitationView,
    ResetTwoFactorView,
    can_invite,
)

PROFILES = "member_profiles"
INVITATIONS = "member_invitations"


class MemberStateViewSet(ModelViewSet):
    """The Council of Europe's 46 member states (1.1). Corrected here, never deleted."""

    model = MemberState
    name = "member_states"
    url_prefix = "member-states"
    icon = "globe"
    form_fields = ["code", "name_en", "name_fr"]
    list_display = ["code", "name_en", "name_fr"]
    search_fields = ["code", "name_en", "name_fr"]
    ordering = "name_en"
    list_per_page = 50
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(delete_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "delete"]


class MemberProfileViewSet(ModelViewSet):
    """Focal Points, deputies, DMR staff and guests, with their state and institution."""

    model = MemberProfile
    name = PROFILES
    url_prefix = "member-profiles"
    icon = "user"
    index_view_class = MemberProfileIndexView
    edit_view_class = MemberProfileEditView
    list_filter = ["member_state", "function", "is_active"]
    search_fields = [
        "user__first_name",
        "user__last_name",
        "user__email",
        "institution",
    ]
    list_per_page = 50
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return MemberProfileForm if for_update else MemberProfileCreateForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            invite_url_name=f"{INVITATIONS}:invite",
            resend_invitation_url_name=self.get_url_name("resend_invitation"),
            reset_two_factor_url_name=self.get_url_name("reset_two_factor"),
            **kwargs,
        )

    @property
    def resend_invitation_view(self):
        return self.construct_view(
            ResendInvitationView,
            action_url_name=self.get_url_name("resend_invitation"),
            header_icon="mail",
        )

    @property
    def reset_two_factor_view(self):
        return self.construct_view(
            ResetTwoFactorView,
            action_url_name=self.get_url_name("reset_two_factor"),
            header_icon="key",
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "resend-invitation/<int:pk>/",
                self.resend_invitation_view,
                name="resend_invitation",
            ),
            path(
                "reset-two-factor/<int:pk>/",
                self.reset_two_factor_view,
                name="reset_two_factor",
            ),
        ]


class InviteMenuItem(MenuItem):
    def is_shown(self, request):
        return can_invite(request.user)


class InvitationViewSet(ViewSet):
    """1.1, 1.2: invite a new member by email."""

    name = INVITATIONS
    url_prefix = "member-invitations"
    icon = "mail"
    menu_label = _("Invite a member")
    menu_item_class = InviteMenuItem

    def get_urlpatterns(self):
        invite_view = self.construct_view(
            InviteView,
            index_url_name=f"{PROFILES}:index",
            edit_url_name=f"{PROFILES}:edit",
        )
        return [path("", invite_view, name="invite")]


class NationalNetworkOrganisationViewSet(ModelViewSet):
    """Stakeholders of each member state's national migration network (3.4)."""

    model = NationalNetworkOrganisation
    name = "national_networks"
    url_prefix = "national-networks"
    icon = "site"
    add_view_class = NationalNetworkCreateView
    edit_view_class = NationalNetworkEditView
    list_display = ["name", "member_state", "kind", "contact_name", "updated_at"]
    list_filter = ["member_state", "kind"]
    search_fields = ["name", "contact_name", "contact_email"]
    list_per_page = 50
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return NationalNetworkOrganisationForm


class NetworkMembershipViewSetGroup(ViewSetGroup):
    menu_label = _("Network membership")
    menu_name = "network-membership"
    menu_icon = "group"
    menu_order = 600
    items = (
        MemberProfileViewSet,
        InvitationViewSet,
        MemberStateViewSet,
        NationalNetworkOrganisationViewSet,
    )
