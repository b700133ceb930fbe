"""A task backend that drops what it is given: the growth's (see grow.DROPPED_TASKS)."""

from django_tasks.backends.dummy import DummyBackend


class DroppedTasks(DummyBackend):
    """Accepts every task and keeps none (the dummy backend keeps them all in memory)."""

    def enqueue(self, task, args, kwargs):
        result = super().enqueue(task, args, kwargs)
        self.results.clear()
        return result
