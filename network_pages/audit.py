"""The DMR's audit trail of security events, kept in Wagtail's audit log.

Sign-ins, refused passwords and codes, changes of second factor, downloads of restricted
documents and exports are logged against the account (or the document) they concern, so
that the admin's "Site history" report filters them by action, user and date. No secret
is ever logged: no password, code, key or token; only who, what, when and from where.
"""

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from network_pages.accounts.rate_limits import client_address

SIGN_IN = "network_pages.sign_in"
SIGN_IN_REFUSED = "network_pages.sign_in_refused"
CODE_ACCEPTED = "network_pages.code_accepted"
CODE_REFUSED = "network_pages.code_refused"
AUTHENTICATOR_ENROLLED = "network_pages.authenticator_enrolled"
BACKUP_CODES_REPLACED = "network_pages.backup_codes_replaced"
SIGNED_OUT_EVERYWHERE = "network_pages.signed_out_everywhere"
DOCUMENT_DOWNLOADED = "network_pages.document_downloaded"
EXPORTED = "network_pages.exported"
STEWARDSHIP = "network_pages.stewardship"
PASSWORD_CHANGED = "network_pages.password_changed"  # noqa: S105 - an action name
EMAIL_CHANGED = "network_pages.email_changed"
LIBRARY_ENTRY_MOVED = "network_pages.library_entry_moved"
EMAIL_CHANGED_BY_SECRETARIAT = "network_pages.email_changed_by_admin"
# Written by migration 0005_one_email_address (one address per person).
EMAIL_MERGED = "network_pages.email_merged"
EMAIL_MERGE_CONFLICT = "network_pages.email_merge_conflict"

ACTIONS = {
    SIGN_IN: (_("Sign in"), _("Signed in with a password")),
    SIGN_IN_REFUSED: (_("Refused sign-in"), _("Password refused")),
    CODE_ACCEPTED: (_("Code accepted"), _("One-time code accepted")),
    CODE_REFUSED: (_("Code refused"), _("One-time code refused")),
    AUTHENTICATOR_ENROLLED: (_("Authenticator set up"), _("Authenticator app set up")),
    BACKUP_CODES_REPLACED: (_("Backup codes replaced"), _("New backup codes issued")),
    SIGNED_OUT_EVERYWHERE: (_("Signed out everywhere"), _("Every session ended")),
    DOCUMENT_DOWNLOADED: (_("Download"), _("Restricted document downloaded")),
    EXPORTED: (_("Export"), _("Data exported")),
    STEWARDSHIP: (
        _("Superuser or network approver changed"),
        _("Superuser status or network approver membership changed"),
    ),
    PASSWORD_CHANGED: (_("Password changed"), _("Password changed by its owner")),
    EMAIL_CHANGED: (_("Email address changed"), _("Email address changed by its owner")),
    LIBRARY_ENTRY_MOVED: (
        _("Library document moved"),
        _("Library document moved to another library, with all its files"),
    ),
    EMAIL_CHANGED_BY_SECRETARIAT: (
        _("Email address changed by the Secretariat"),
        _("Email address changed in the admin; the previous address was told"),
    ),
    EMAIL_MERGED: (
        _("Work address became the account's address"),
        _("The profile's work address became the account's one address"),
    ),
    EMAIL_MERGE_CONFLICT: (
        _("Work address dropped (used by another account)"),
        _("The profile's work address was used by another account; the account's address was kept"),
    ),
}


def register_audit_actions(actions) -> None:
    """For the `register_log_actions` hook."""
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def _unwrapped(value):
    """request.user is a lazy object wrapping another (django-otp's): the audit log needs
    the real model instance to know where the entry belongs."""
    while isinstance(value, LazyObject):
        if value._wrapped is empty:
            value._setup()
        value = value._wrapped
    return value


def record(action: str, instance, request: HttpRequest | None = None, user=None, **data) -> None:
    """Log `action` on `instance`; `data` must never hold a secret."""
    if request is not None:
        data["address"] = client_address(request)
        if user is None and request.user.is_authenticated:
            user = request.user
    log(instance=_unwrapped(instance), action=action, user=_unwrapped(user), data=data)


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    record(SIGN_IN, user, request, user=user)


def on_user_login_failed(sender, credentials, request=None, **kwargs) -> None:
    # Django has already removed the password from `credentials`.
    username = str(credentials.get("username", ""))[:150]
    account = get_user_model().objects.filter(username=username).first()
    if account is not None:
        record(SIGN_IN_REFUSED, account, request, user=account)


def on_document_served(sender, instance, request, **kwargs) -> None:
    if instance.collection.get_view_restrictions().exists():
        record(DOCUMENT_DOWNLOADED, instance, request)
