"""The DMR changes a member's one email address in the admin (issue 16).

A member has one address, their account's (User.email): notifications, convocations, the
directory and its exports all use it. The member changes it in My account with a
confirmation link; the DMR may change it in the member profile editor or the user editor.
Either way the address must not be another account's (in any letter case), the change is
written in the audit log with the previous address, and the previous address is told, in
the member's language, with the same notice as a member's own change.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from network_pages import audit
from network_pages.accounts.email_change import send_change_notice
from network_pages.accounts.forms import address_in_use

ADDRESS_IN_USE = _("Another account already uses this email address.")


def email_field(**kwargs) -> forms.EmailField:
    return forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_(
            "The member's one address: notifications, convocations and the directory use it. "
            "A change is recorded in the site history and the previous address is told."
        ),
        **kwargs,
    )


def clean_address(email: str, account) -> str:
    """The address, refused if another account uses it (in any letter case)."""
    email = (email or "").strip()
    if email and address_in_use(email, account or get_user_model()()):
        raise forms.ValidationError(ADDRESS_IN_USE, code="in_use")
    return email


def changed(old: str, new: str) -> bool:
    return (old or "") != (new or "")


def record_change(account, old_email: str, request) -> None:
    """After the account's address changed from `old_email`: audit, and tell the old one."""
    audit.record(
        audit.EMAIL_CHANGED_BY_SECRETARIAT,
        account,
        request,
        previous_email=old_email,
        email=account.email,
    )
    if not old_email or old_email.casefold() == (account.email or "").casefold():
        return
    profile = getattr(account, "member_profile", None)
    language = profile.preferred_language if profile else settings.LANGUAGE_CODE
    with translation.override(language):
        send_change_notice(account, old_email, account.email, by_secretariat=True)
