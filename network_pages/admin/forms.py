from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from network_pages import invitations
from network_pages.models import MemberProfile, NationalNetworkOrganisation

from . import account_email

PROFILE_FIELDS = [
    "member_state",
    "function",
    "institution",
    "position",
    "phone",
    "preferred_language",
    "is_active",
]


class MemberProfileForm(forms.ModelForm):
    """Edit a profile, and the member's one email address: the account's (the rest of the
    account is edited under Users). See `account_email`."""

    email = account_email.email_field()

    field_order = ["email", *PROFILE_FIELDS]

    class Meta:
        model = MemberProfile
        fields = PROFILE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_email = self.instance.user.email if self.instance.user_id else ""
        self.fields["email"].initial = self.previous_email

    def clean_email(self):
        return account_email.clean_address(self.cleaned_data["email"], self.instance.user)

    @property
    def email_changed(self) -> bool:
        return account_email.changed(self.previous_email, self.cleaned_data.get("email"))


class MemberProfileCreateForm(forms.ModelForm):
    """A profile for an existing account that has none (new people are invited instead)."""

    class Meta:
        model = MemberProfile
        fields = ["user", *PROFILE_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            ._default_manager.filter(member_profile__isnull=True)
            .order_by("last_name", "first_name", "username")
        )


class InvitationForm(forms.ModelForm):
    """Who to invite, as what, and the profile they start with (1.1, 1.2)."""

    email = forms.EmailField(label=_("Email"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=invitations.Role.choices)

    field_order = [
        "email",
        "first_name",
        "last_name",
        "role",
        "member_state",
        "function",
        "institution",
        "position",
        "phone",
        "preferred_language",
    ]

    class Meta:
        model = MemberProfile
        fields = [
            "member_state",
            "function",
            "institution",
            "position",
            "phone",
            "preferred_language",
        ]
        help_texts = {
            "member_state": _("Required for Focal Points and network approvers."),
            "function": _("For Focal Points and network approvers."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        function = self.fields["function"]
        function.choices = [
            (value, label)
            for value, label in MemberProfile.Function.choices
            if value in MemberProfile.STATE_FUNCTIONS
        ]
        function.required = False

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if invitations.email_is_taken(email):
            raise forms.ValidationError(_("A user with this email address already exists."))
        return email

    def clean(self):
        cleaned_data = super().clean()
        role = cleaned_data.get("role")
        if role:
            # The model's own validation (a Focal Point represents a member state) runs next,
            # on the function the role implies.
            cleaned_data["function"] = invitations.function_for(role, cleaned_data.get("function"))
            if role == invitations.Role.DMR_SECRETARIAT and cleaned_data.get("member_state"):
                self.add_error(
                    "member_state",
                    _("The DMR Secretariat does not represent a member state."),
                )
        return cleaned_data

    def invite(self, invited_by):
        """Create the member and send the invitation; the form must be valid."""
        return invitations.invite_member(
            email=self.cleaned_data["email"],
            first_name=self.cleaned_data["first_name"],
            last_name=self.cleaned_data["last_name"],
            role=self.cleaned_data["role"],
            profile=self.save(commit=False),
            invited_by=invited_by,
        )


class NationalNetworkOrganisationForm(forms.ModelForm):
    website = forms.URLField(
        label=capfirst(NationalNetworkOrganisation._meta.get_field("website").verbose_name),
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = NationalNetworkOrganisation
        fields = ["member_state", "name", "kind", "contact_name", "contact_email", "website"]
