"""The audit-log actions of the joint approval, and how page histories name them."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

APPROVE = "workflows.approve_for_party"
PRECAUTION_REVIEW = "workflows.precaution_review"
TALLY_RESET = "workflows.tally_reset"
RELEASE = "workflows.release"
TRANSLATIONS_REQUESTED = "workflows.translations_requested"
WITHDRAW = "workflows.withdraw"


class ApprovalFormatter(LogFormatter):
    label = _("Approve for a party (joint approval)")

    def format_message(self, log_entry):
        data = log_entry.data
        return gettext("Approved for %(party)s (approvals so far: %(tally)s)") % {
            "party": data.get("party", ""),
            "tally": data.get("tally", ""),
        }

    def format_comment(self, log_entry):
        return log_entry.data.get("comment", "")


class PrecautionReviewFormatter(LogFormatter):
    label = _("Complete the precaution review")
    message = _("Precaution review completed")

    def format_comment(self, log_entry):
        items = [item.get("label", "") for item in log_entry.data.get("checklist", [])]
        notes = log_entry.data.get("notes", "")
        return "\n".join([*(f"✓ {item}" for item in items), *([notes] if notes else [])])


class ReleaseFormatter(LogFormatter):
    label = _("Move into the public section")

    def format_message(self, log_entry):
        return gettext("Moved into the public section, under “%(parent)s”, and published") % {
            "parent": log_entry.data.get("parent", "")
        }


class TranslationsFormatter(LogFormatter):
    label = _("Request translations")

    def format_message(self, log_entry):
        return gettext("Translation drafted for: %(languages)s") % {
            "languages": ", ".join(log_entry.data.get("languages", []))
        }


class WithdrawFormatter(LogFormatter):
    label = _("Withdraw from the public section")
    message = _("Withdrawn from the public section")

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


def register_joint_approval_log_actions(actions) -> None:
    """For the `register_log_actions` hook."""
    actions.register_action(APPROVE)(ApprovalFormatter)
    actions.register_action(PRECAUTION_REVIEW)(PrecautionReviewFormatter)
    actions.register_action(
        TALLY_RESET,
        _("Reset the approvals"),
        _("Approvals reset: the page was changed and must be approved again"),
    )
    actions.register_action(RELEASE)(ReleaseFormatter)
    actions.register_action(TRANSLATIONS_REQUESTED)(TranslationsFormatter)
    actions.register_action(WITHDRAW)(WithdrawFormatter)
