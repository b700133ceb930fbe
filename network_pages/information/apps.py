from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InformationConfig(AppConfig):
    name = "network_pages.information"
    label = "information"
    verbose_name = _("Information requests and items")
    default_auto_field = "django.db.models.BigAutoField"
