from .outbound_email import OutboundEmail
from .scheduled_run import ScheduledRun

__all__ = ["OutboundEmail", "ScheduledRun"]
