from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkPagesConfig(AppConfig):
    name = "network_pages"
    label = "network_pages"
    verbose_name = _("Network area")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from network_pages import checks  # noqa: F401 - registers the system checks
