from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    """4.1 plenary meetings, 4.3 thematic sessions, 1.2 joint meetings with others."""

    PLENARY = "plenary", _("Plenary meeting")
    THEMATIC_SESSION = "thematic_session", _("Thematic session")
    JOINT_MEETING = "joint_meeting", _("Joint meeting")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CONVENED = "convened", _("Convened")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


# Nothing more happens on these: no convocation, no suggestion, no attendance.
CLOSED_STATUSES = (MeetingStatus.HELD, MeetingStatus.CANCELLED)

# 4.2: the DMR chairs the plenary meetings, and any meeting whose chair is left empty.
DMR_CHAIR = _("Division on Migration and Refugees (DMR)")
