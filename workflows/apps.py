from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    label = "workflows"
    verbose_name = _("Joint approval workflows")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from workflows import receivers

        receivers.connect()
