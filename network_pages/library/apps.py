from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    """The document library of the network, of each meeting and of each thematic group, with
    versions and language versions of each document (issue 18)."""

    name = "network_pages.library"
    label = "library"
    verbose_name = _("Document library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here as the other apps do: the models are not loaded before ready().
        from network_pages.attachments import OnDetach, follow_attachments

        from .models import LibraryVersion

        # A version removed (or its entry) keeps its file for the DMR only, as a document
        # removed from a page does: "Removed documents" (files follow their owner).
        follow_attachments(LibraryVersion, OnDetach.RETIRE)
