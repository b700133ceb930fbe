from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InformationConfig(AppConfig):
    name = "network_pages.information"
    label = "information"
    verbose_name = _("Information requests and items")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from network_pages.attachments import OnDetach, follow_attachments

        from . import signals
        from .models import InformationItemPage, InformationRequestPage
        from .models.item_page import InformationItemAttachment
        from .models.response import ResponseAttachment

        follow_attachments(ResponseAttachment, OnDetach.DELETE)
        follow_attachments(InformationItemAttachment, OnDetach.RETIRE)

        for page_class in (InformationRequestPage, InformationItemPage):
            page_published.connect(
                signals.announce_after_publish,
                sender=page_class,
                dispatch_uid=f"information_announce_{page_class.__name__}",
            )
