from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatePollsConfig(AppConfig):
    """Finding a date for a meeting: the DMR proposes dates, each state answers (issue 18)."""

    name = "network_pages.date_polls"
    label = "date_polls"
    verbose_name = _("Date polls")
    default_auto_field = "django.db.models.BigAutoField"
