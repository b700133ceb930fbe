from .approval import Approval, PrecautionReview
from .joint_approval_task import JointApprovalTask, JointApprovalTaskState
from .public_release import PublicRelease

__all__ = [
    "Approval",
    "JointApprovalTask",
    "JointApprovalTaskState",
    "PrecautionReview",
    "PublicRelease",
]
