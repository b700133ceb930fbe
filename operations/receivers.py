"""Connected by `OperationsConfig.ready`."""

import logging

from django_tasks.base import TaskResultStatus

logger = logging.getLogger("operations.tasks")


def log_failed_task(sender, task_result, **kwargs) -> None:
    """django-tasks keeps a failed task's traceback in the database; the logs get it too."""
    if task_result.status == TaskResultStatus.FAILED:
        traceback = task_result.errors[-1].traceback if task_result.errors else ""
        logger.error(
            "task %s failed\n%s",
            task_result.task.name,
            traceback,
            extra={"task_id": str(task_result.id)},
        )
