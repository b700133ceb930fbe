"""Account stewardship (3.3): no single DMR account can make itself both parties.

The joint approval needs the network's side and the DMR's. Who sits on the network's side
(*Network approvers*) and who is a superuser is therefore not the DMR's to decide alone:
only an *account steward*, a superuser who is not in the DMR Secretariat, may

- make an account a superuser, or take that away;
- add an account to *Network approvers*, or remove it (in the user editor or by invitation);
- edit a superuser's account (its email or password would hand it over) or reset its
  second factor.

Nobody is in the DMR Secretariat and *Network approvers* at once (one person, one party).
Every such change is written in the audit log (Reports › Site history), with who made it.
"""

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from network_pages import audit, roles
from network_pages.admin import account_email
from network_pages.admin.group_names import TranslatedGroupsUserFilterSet, translated_group_name

BOTH_PARTIES = _(
    "One person is one party: an account cannot be both in the DMR Secretariat and a "
    "network approver."
)
STEWARDS_ONLY = _(
    "Only an account steward (a superuser outside the DMR Secretariat) may change who the "
    "network approvers are."
)


def is_steward(user) -> bool:
    return bool(
        user.is_active
        and user.is_superuser
        and not user.groups.filter(name=roles.DMR_SECRETARIAT).exists()
    )


def may_edit_account(editor, account) -> bool:
    """A superuser's account is edited by a steward only (or by its owner)."""
    return not account.is_superuser or editor.pk == account.pk or is_steward(editor)


class StewardshipFormMixin(forms.ModelForm):
    def __init__(self, *args, steward: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.steward = steward
        if not steward:
            self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            self.fields["groups"].label_from_instance = translated_group_name

    def clean(self):
        cleaned_data = super().clean()
        groups = cleaned_data.get("groups")
        if groups is None:
            return cleaned_data
        names = {group.name for group in groups}
        if {roles.DMR_SECRETARIAT, roles.NETWORK_APPROVERS} <= names:
            self.add_error("groups", BOTH_PARTIES)
        if not self.steward and (roles.NETWORK_APPROVERS in names) != approver_before(
            self.instance
        ):
            self.add_error("groups", STEWARDS_ONLY)
        return cleaned_data


def approver_before(account) -> bool:
    return bool(account.pk) and account.groups.filter(name=roles.NETWORK_APPROVERS).exists()


class OneAddressFormMixin(forms.ModelForm):
    """An account's email address is the member's one address: never another account's,
    in any letter case (see `account_email`)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.previous_email = self.instance.email if self.instance.pk else ""

    def clean_email(self):
        return account_email.clean_address(self.cleaned_data.get("email"), self.instance)


class StewardedUserCreationForm(StewardshipFormMixin, OneAddressFormMixin, UserCreationForm):
    pass


class StewardedUserEditForm(StewardshipFormMixin, OneAddressFormMixin, UserEditForm):
    pass


class StewardshipViewMixin:
    """Passes the steward flag to the form and records what changed in the audit log."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["steward"] = is_steward(self.request.user)
        return kwargs

    def save_instance(self):
        account = self.form.instance
        before = (
            {"superuser": False, "approver": False}
            if not account.pk
            else {
                "superuser": type(account).objects.get(pk=account.pk).is_superuser,
                "approver": approver_before(account),
            }
        )
        editing = bool(account.pk)
        instance = super().save_instance()
        previous_email = getattr(self.form, "previous_email", "")
        if editing and account_email.changed(previous_email, instance.email):
            account_email.record_change(instance, previous_email, self.request)
        after = {
            "superuser": instance.is_superuser,
            "approver": Group.objects.filter(name=roles.NETWORK_APPROVERS, user=instance).exists(),
        }
        changes = {key: after[key] for key in after if after[key] != before[key]}
        if changes:
            audit.record(audit.STEWARDSHIP, instance, request=self.request, **changes)
        return instance


class StewardedCreateView(StewardshipViewMixin, users.CreateView):
    pass


class StewardedEditView(StewardshipViewMixin, users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not may_edit_account(request.user, self.object):
            raise PermissionDenied


class StewardedUserViewSet(users.UserViewSet):
    filterset_class = TranslatedGroupsUserFilterSet
    add_view_class = StewardedCreateView
    edit_view_class = StewardedEditView

    def get_form_class(self, for_update=False):
        return StewardedUserEditForm if for_update else StewardedUserCreationForm
