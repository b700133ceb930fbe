from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """How the site runs: the email outbox, the background worker and its schedule,
    health checks and logs. Imports no other app of the project."""

    name = "nfp_site.operations"
    label = "operations"
    verbose_name = _("Operations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from . import receivers
        from .model_loading import skip_child_relations_without_keywords
        from .parsed_queries import keep_long_queries
        from .timestamp_loading import parse_timestamps_in_c

        skip_child_relations_without_keywords()
        keep_long_queries()
        parse_timestamps_in_c()
        task_finished.connect(receivers.log_failed_task, dispatch_uid="operations.failed_task")
