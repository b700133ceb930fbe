"""Admin views for the network's membership: listing and editing profiles, inviting a member,
resending an invitation and resetting a member's second factor."""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, ButtonsColumnMixin, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.permissions import policy_registry

from network_pages import invitations
from network_pages.models import Invitation, MemberProfile

from . import account_email, stewardship
from .forms import InvitationForm
from .two_factor import otp_devices, reset_two_factor

INVITE_PERMISSIONS = (
    "auth.add_user",
    "network_pages.add_memberprofile",
    "network_pages.add_invitation",
)


def can_invite(user) -> bool:
    """Inviting creates an account, a profile and an invitation."""
    return user.has_perms(INVITE_PERMISSIONS)


def can_resend_invitation(user) -> bool:
    return policy_registry.get_by_type(Invitation).user_has_permission(user, "add")


def can_reset_two_factor(user, profile: MemberProfile) -> bool:
    """Whoever may change profiles; only an account steward resets a superuser's second
    factor (see `stewardship`)."""
    allowed = policy_registry.get_by_type(MemberProfile).user_has_permission(user, "change")
    return allowed and (stewardship.is_steward(user) or not profile.user.is_superuser)


def _field_label(name: str) -> str:
    return capfirst(MemberProfile._meta.get_field(name).verbose_name)


class NameColumn(ButtonsColumnMixin, TitleColumn):
    """The linked title of a row, followed by the row's action buttons."""

    def __init__(self, name, *, get_buttons, **kwargs):
        super().__init__(name, **kwargs)
        self._get_buttons = get_buttons

    def get_buttons(self, instance, parent_context):
        return self._get_buttons(instance)


class MemberProfileActionsMixin:
    """URLs of the per-profile actions, shown only to whoever may use them."""

    resend_invitation_url_name = None
    reset_two_factor_url_name = None

    def get_resend_invitation_url(self, profile, *, has_accepted=None):
        if (
            self.resend_invitation_url_name
            and can_resend_invitation(self.request.user)
            and invitations.awaiting_acceptance(profile.user, has_accepted=has_accepted)
        ):
            return reverse(self.resend_invitation_url_name, args=(quote(profile.pk),))
        return None

    def get_reset_two_factor_url(self, profile):
        if self.reset_two_factor_url_name and can_reset_two_factor(self.request.user, profile):
            return reverse(self.reset_two_factor_url_name, args=(quote(profile.pk),))
        return None


class MemberProfileIndexView(MemberProfileActionsMixin, generic.IndexView):
    invite_url_name = None

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("user", "member_state")
            .annotate(has_accepted_invitation=invitations.accepted_invitation_exists())
        )

    @cached_property
    def columns(self):
        return [
            NameColumn(
                "name",
                label=_("Name"),
                accessor="display_name",
                sort_key="user__last_name",
                get_url=self.get_edit_url,
                get_buttons=self.get_list_buttons,
            ),
            Column(
                "member_state",
                label=_field_label("member_state"),
                sort_key="member_state__name_en",
            ),
            Column(
                "function",
                label=_field_label("function"),
                accessor="get_function_display",
                sort_key="function",
            ),
            Column("institution", label=_field_label("institution"), sort_key="institution"),
            BooleanColumn("is_active", label=_field_label("is_active"), sort_key="is_active"),
        ]

    def search_queryset(self, queryset):
        """Every word of the query matches a name, the institution or an email address."""
        if not self.is_searching:
            return queryset
        for word in self.search_query.split():
            matches = Q()
            for field in self.search_fields or []:
                matches |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(matches)
        return queryset

    @cached_property
    def invite_url(self):
        if self.invite_url_name and can_invite(self.request.user):
            return reverse(self.invite_url_name)
        return None

    @cached_property
    def add_item_label(self):
        return _("Add a profile for an existing account")

    @cached_property
    def header_buttons(self):
        if self.invite_url:
            return [HeaderButton(_("Invite a member"), url=self.invite_url, icon_name="mail")]
        return []

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.add_url:
            buttons.append(Button(self.add_item_label, url=self.add_url, icon_name="plus"))
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        has_accepted = getattr(instance, "has_accepted_invitation", None)
        if url := self.get_resend_invitation_url(instance, has_accepted=has_accepted):
            buttons.append(MenuItem(_("Resend invitation"), url=url, icon_name="mail", priority=40))
        if url := self.get_reset_two_factor_url(instance):
            buttons.append(
                MenuItem(
                    _("Reset two-factor authentication"), url=url, icon_name="key", priority=50
                )
            )
        return buttons


class MemberProfileEditView(MemberProfileActionsMixin, generic.EditView):
    def get_queryset(self):
        return MemberProfile.objects.select_related("user", "member_state")

    def save_instance(self):
        with transaction.atomic():
            profile = super().save_instance()
            if self.form.email_changed:
                account = profile.user
                account.email = self.form.cleaned_data["email"]
                account.save(update_fields=["email"])
                account_email.record_change(account, self.form.previous_email, self.request)
        return profile

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if url := self.get_resend_invitation_url(self.object):
            buttons.append(Button(_("Resend invitation"), url=url, icon_name="mail", priority=40))
        if url := self.get_reset_two_factor_url(self.object):
            buttons.append(
                Button(_("Reset two-factor authentication"), url=url, icon_name="key", priority=50)
            )
        return buttons


class UpdatedByMixin:
    """National network entries record who last changed them."""

    def save_instance(self):
        self.form.instance.updated_by = self.request.user
        return super().save_instance()


class NationalNetworkCreateView(UpdatedByMixin, generic.CreateView):
    pass


class NationalNetworkEditView(UpdatedByMixin, generic.EditView):
    pass


class InviteView(generic.WagtailAdminTemplateMixin, FormView):
    """1.1, 1.2: the DMR invites a Focal Point, an approver, a colleague or a guest."""

    form_class = InvitationForm
    template_name = "network_pages/admin/invite.html"
    page_title = _("Invite a member")
    header_icon = "mail"
    index_url_name = None  # the member profiles listing
    edit_url_name = None  # a member profile

    def dispatch(self, request, *args, **kwargs):
        if not can_invite(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not stewardship.is_steward(self.request.user):
            # 3.3: who sits on the network's side is not the DMR's to decide alone.
            role = form.fields["role"]
            role.choices = [c for c in role.choices if c[0] != invitations.Role.NETWORK_APPROVER]
        return form

    def get_breadcrumbs_items(self):
        items = []
        if self.index_url_name:
            items.append(
                {
                    "url": reverse(self.index_url_name),
                    "label": capfirst(MemberProfile._meta.verbose_name_plural),
                }
            )
        items.append({"url": "", "label": self.get_page_title()})
        return self.breadcrumbs_items + items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = _("Send invitation")
        context["submit_button_active_label"] = _("Sending…")
        context["has_unsaved_changes"] = context["form"].is_bound
        context["media"] = context["form"].media
        return context

    def form_valid(self, form):
        try:
            invitation = form.invite(invited_by=self.request.user)
        except invitations.InvitationError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        user = invitation.user
        buttons = []
        if self.edit_url_name:
            url = reverse(self.edit_url_name, args=(quote(user.member_profile.pk),))
            buttons.append(messages.button(url, _("Edit profile")))
        messages.success(
            self.request,
            _("Invitation sent to %(email)s.") % {"email": user.email},
            buttons=buttons,
        )
        return redirect(self.index_url_name)

    def form_invalid(self, form):
        messages.validation_error(
            self.request, _("The invitation could not be sent due to errors."), form
        )
        return super().form_invalid(form)


class MemberProfileActionView(
    generic.PermissionCheckedMixin,
    generic.WagtailAdminTemplateMixin,
    generic.BaseOperationView,
):
    """GET asks for confirmation; POST acts on the profile, then returns to it."""

    model = MemberProfile
    action_url_name = None
    edit_url_name = None
    confirm_label = ""

    def get_base_object_queryset(self):
        return MemberProfile.objects.select_related("user", "member_state")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return []  # the confirmation pages have a plain header, like Wagtail's delete views

    def get_success_url(self):
        return self.next_url or reverse(self.edit_url_name, args=(quote(self.object.pk),))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["action_url"] = reverse(self.action_url_name, args=(quote(self.object.pk),))
        context["cancel_url"] = self.get_success_url()
        context["next_url"] = self.next_url
        context["confirm_label"] = self.confirm_label
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())


class ResendInvitationView(MemberProfileActionView):
    """1.1: a new link for a member who has not accepted yet; earlier links stop working."""

    template_name = "network_pages/admin/confirm_resend_invitation.html"
    page_title = _("Resend invitation")
    header_icon = "mail"
    permission_required = "add"
    confirm_label = _("Yes, send a new invitation")

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Invitation)

    def get(self, request, *args, **kwargs):
        if not invitations.awaiting_acceptance(self.object.user):
            return self.refuse()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not invitations.awaiting_acceptance(self.object.user):
            return self.refuse()
        return super().post(request, *args, **kwargs)

    def refuse(self):
        messages.error(self.request, _("This member has already accepted the invitation."))
        return redirect(self.get_success_url())

    def perform_operation(self):
        invitations.resend_invitation(self.object, invited_by=self.request.user)

    def get_success_message(self):
        return _("A new invitation was sent to %(email)s.") % {"email": self.object.user.email}


class ResetTwoFactorView(MemberProfileActionView):
    """Delete a member's authenticator app and backup codes; they enrol again at sign-in."""

    template_name = "network_pages/admin/confirm_reset_two_factor.html"
    page_title = _("Reset two-factor authentication")
    header_icon = "key"
    permission_required = "change"
    confirm_label = _("Yes, reset")

    def dispatch(self, request, *args, **kwargs):
        if not can_reset_two_factor(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["device_count"] = len(otp_devices(self.object.user))
        return context

    def perform_operation(self):
        self.removed = reset_two_factor(self.object, reset_by=self.request.user)

    def get_success_message(self):
        return _("Two-factor authentication of %(name)s was reset.") % {"name": self.object}
