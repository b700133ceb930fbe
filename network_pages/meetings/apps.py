from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "network_pages.meetings"
    label = "meetings"
    verbose_name = _("Meetings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Signal handlers import the models, which exist only once the registry is ready.
        from network_pages.attachments import OnDetach, follow_attachments

        from . import feed_signals, holiday_cache, signal_handlers
        from .models import MeetingDocument

        follow_attachments(MeetingDocument, OnDetach.RETIRE)

        signal_handlers.connect()
        feed_signals.connect()
        holiday_cache.connect()
