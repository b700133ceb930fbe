"""Connected by `OperationsConfig.ready`."""

import logging

from django_tasks.base import TaskResultStatus

logger = logging.getLogger("operations.tasks")


def log_failed_task(sender, task_result, **kwargs) -> None:
    """django-tasks keeps a failed task's traceback in the database; the logs get it too."""
    if task_result.status == TaskResultStatus.FAILED:
        error = task_result.errors[-1] if task_result.errors else None
        traceback = error.traceback if error else ""
        # An object deleted between the enqueueing and the run (e.g. Wagtail's reference
        # index of an agenda item removed since): nothing is lost, nothing to fix.
        gone = error is not None and error.exception_class_path.endswith("DoesNotExist")
        (logger.warning if gone else logger.error)(
            "task %s failed\n%s",
            task_result.task.name,
            traceback,
            extra={"task_id": str(task_result.id)},
        )
