"""Forms of the sign-in steps and the account page; every message in gettext."""

import math
import re

from django import forms
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from network_pages.models import MemberProfile

from . import devices, rate_limits

MAX_PASSWORD_LENGTH = 1024
User = get_user_model()

TOO_MANY_ATTEMPTS = _(
    "Too many unsuccessful sign-in attempts. Please wait 15 minutes and try again."
)


class LoginForm(forms.Form):
    """Username and password; one message for every wrong combination."""

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "username",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=MAX_PASSWORD_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _(
            "This username and password do not match an active account. Check them and try again."
        ),
        "rate_limited": TOO_MANY_ATTEMPTS,
    }

    def __init__(self, request: HttpRequest, *args, **kwargs) -> None:
        self.request = request
        self.user = None
        self.rate_limited = False
        super().__init__(*args, **kwargs)

    @sensitive_variables("password")
    def clean(self):
        cleaned = super().clean()
        username, password = cleaned.get("username"), cleaned.get("password")
        if username is None or password is None:
            return cleaned
        address = rate_limits.client_address(self.request)
        if rate_limits.password_attempts_blocked(username, address):
            self.rate_limited = True
            raise ValidationError(self.error_messages["rate_limited"], code="rate_limited")
        self.user = authenticate(self.request, username=username, password=password)
        if self.user is None:
            rate_limits.record_password_failure(username, address)
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login")
        rate_limits.forget_account_failures(username, address)
        return cleaned


class AuthenticatorCodeForm(forms.Form):
    """The six-digit code an authenticator app shows."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                # The second step is about this one field: start in it (6 Tabs otherwise).
                "autofocus": True,
                "inputmode": "numeric",
                "pattern": r"[0-9 ]*",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self) -> str:
        code = re.sub(r"\s+", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6,8}", code):
            raise ValidationError(
                _("Enter the 6-digit code shown by your authenticator app."), code="format"
            )
        return code


class BackupCodeForm(forms.Form):
    """One of the single-use backup codes issued at enrolment."""

    code = forms.CharField(
        label=_("Backup code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self) -> str:
        code = re.sub(r"[\s-]+", "", self.cleaned_data["code"]).lower()
        if not re.fullmatch(r"[a-z0-9]{1,16}", code):
            raise ValidationError(_("A backup code has eight letters and digits."), code="format")
        return code


class ConfirmPasswordForm(forms.Form):
    """The current password, to confirm an action that affects every session."""

    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        max_length=MAX_PASSWORD_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request: HttpRequest, *args, **kwargs) -> None:
        self.request = request
        super().__init__(*args, **kwargs)

    @sensitive_variables("password")
    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        user = self.request.user
        username = user.get_username()
        address = rate_limits.client_address(self.request)
        if rate_limits.password_attempts_blocked(username, address):
            raise ValidationError(TOO_MANY_ATTEMPTS, code="rate_limited")
        if not user.check_password(password):
            rate_limits.record_password_failure(username, address)
            raise ValidationError(_("This password is not correct."), code="password_incorrect")
        return password


class NameForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }


class ContactDetailsForm(forms.ModelForm):
    """What a member may keep up to date about themselves in the directory."""

    class Meta:
        model = MemberProfile
        # The email address is changed apart, with a confirmation (EmailChangeForm).
        fields = ["institution", "position", "phone", "preferred_language"]
        widgets = {
            "institution": forms.TextInput(attrs={"autocomplete": "organization"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "preferred_language": forms.Select(attrs={"autocomplete": "language"}),
        }


def address_in_use(email: str, user) -> bool:
    """Whether another account already uses `email` (in any letter case)."""
    return User._default_manager.exclude(pk=user.pk).filter(email__iexact=email).exists()


class EmailChangeForm(ConfirmPasswordForm):
    """A new address for the account, confirmed by the current password; the address
    changes only when the link sent to it is opened."""

    new_email = forms.EmailField(
        label=_("New email address"),
        max_length=254,
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    field_order = ["new_email", "password"]
    # The account page also asks for the password to sign out everywhere: distinct ids.
    prefix = "email"

    def clean_new_email(self) -> str:
        email = self.cleaned_data["new_email"].strip()
        user = self.request.user
        if email.casefold() == (user.email or "").casefold():
            raise ValidationError(_("This is already your email address."), code="unchanged")
        if address_in_use(email, user):
            raise ValidationError(
                _(
                    "Another account already uses this email address. Choose another one, or "
                    "ask the Secretariat if you think this is a mistake."
                ),
                code="in_use",
            )
        return email


class InvitationPasswordForm(SetPasswordForm):
    """Django's set-password form, with the project's validators and a sane length cap."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("new_password1", "new_password2"):
            field = self.fields[name]
            field.validators.append(MaxLengthValidator(MAX_PASSWORD_LENGTH))
            field.widget.attrs["maxlength"] = str(MAX_PASSWORD_LENGTH)


def throttled_message(locked_until) -> str:
    seconds = 1
    if locked_until is not None:
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return ngettext(
        "Too many incorrect codes. Please wait %(seconds)d second and try again.",
        "Too many incorrect codes. Please wait %(seconds)d seconds and try again.",
        seconds,
    ) % {"seconds": seconds}


def add_code_error(form, check: devices.CodeCheck) -> None:
    if check.outcome is devices.Outcome.THROTTLED:
        form.add_error("code", throttled_message(check.locked_until))
    else:
        form.add_error("code", gettext("This code is not correct, or it has already been used."))
