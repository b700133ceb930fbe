from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationDraftsConfig(AppConfig):
    name = "network_pages.publication_drafts"
    label = "publication_drafts"
    verbose_name = _("Publication drafts")
    default_auto_field = "django.db.models.BigAutoField"
