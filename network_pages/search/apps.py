from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkSearchConfig(AppConfig):
    """The members' search of the network area (issue 18), under the one access rule."""

    name = "network_pages.search"
    label = "network_search"
    verbose_name = _("Members' search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import document_cache_signals, rule_cache_signals, signals

        signals.connect()
        document_cache_signals.connect()
        rule_cache_signals.connect()
