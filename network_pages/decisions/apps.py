from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    """Decisions and action points of meetings, and the network-wide register (issue 18)."""

    name = "network_pages.decisions"
    label = "decisions"
    verbose_name = _("Decisions and action points")
    default_auto_field = "django.db.models.BigAutoField"
