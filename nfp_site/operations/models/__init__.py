from .outbound_email import OutboundEmail
from .scheduled_run import ScheduledRun
from .worker_heartbeat import WorkerHeartbeat

__all__ = ["OutboundEmail", "ScheduledRun", "WorkerHeartbeat"]
