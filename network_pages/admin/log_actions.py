from django.utils.translation import gettext_lazy as _

from network_pages import invitations

from .two_factor import RESET_OTP_ACTION


def register_membership_log_actions(actions) -> None:
    """For the `register_log_actions` hook: how the audit log names these actions."""
    actions.register_action(invitations.INVITE_ACTION, _("Invite member"), _("Invitation sent"))
    actions.register_action(
        invitations.RESEND_ACTION, _("Resend invitation"), _("Invitation sent again")
    )
    actions.register_action(
        RESET_OTP_ACTION,
        _("Reset two-factor authentication"),
        _("Two-factor authentication reset"),
    )
