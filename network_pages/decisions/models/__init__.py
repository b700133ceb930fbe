from .action_point import ActionPoint, ActionProgress, ActionStatus, OwnerKind
from .decision import Decision

__all__ = ["ActionPoint", "ActionProgress", "ActionStatus", "Decision", "OwnerKind"]
