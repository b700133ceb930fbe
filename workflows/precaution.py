"""3.3: the precaution review that the DMR completes before anything goes public.

The checklist is a setting (`WORKFLOWS_PRECAUTION_CHECKLIST`: a list of (key, label)
pairs); these are the defaults the working methods call for.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

DEFAULT_CHECKLIST = [
    ("no_personal_data", _("The content contains no personal data.")),
    (
        "member_state_consent",
        _("Nothing is attributed to a member state without its consent."),
    ),
    (
        "no_confidential_material",
        _("The content neither contains nor links to a confidential document or page."),
    ),
]


def checklist() -> list[tuple[str, str]]:
    """The items a reviewer must tick, in order."""
    return list(getattr(settings, "WORKFLOWS_PRECAUTION_CHECKLIST", DEFAULT_CHECKLIST))
