from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkPagesConfig(AppConfig):
    name = "network_pages"
    label = "network_pages"
    verbose_name = _("Network area")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from network_pages import checks  # noqa: F401 - registers the system checks
        from network_pages.security import record_login_time

        user_logged_in.connect(record_login_time, dispatch_uid="nfp_record_login_time")
