from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "network_pages.community"
    label = "community"
    verbose_name = _("Thematic groups, comments and notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from network_pages.attachments import OnDetach, follow_attachments
        from network_pages.community import signals
        from network_pages.community.models import UpdateDocument

        follow_attachments(UpdateDocument, OnDetach.RETIRE)

        signals.connect()
