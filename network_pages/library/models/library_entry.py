from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase


class LibraryEntry(models.Model):
    """A document of a library, in the user's sense: its metadata, and its files (versions,
    in one or more languages) in `LibraryVersion`.

    Where it is decides who reads it: the library of a meeting (`meeting`), of a thematic
    group (`thematic_group`), or, with neither, the network's (`library.places`).
    """

    meeting = models.ForeignKey(
        "meetings.MeetingPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="library_entries",
        verbose_name=_("meeting"),
    )
    thematic_group = models.ForeignKey(
        "community.ThematicGroupPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="library_entries",
        verbose_name=_("thematic group"),
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    date = models.DateField(_("date of the document"), default=timezone.localdate)
    member_state = models.ForeignKey(
        "network_pages.MemberState",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author member state"),
    )
    tags = TaggableManager(through="library.LibraryEntryTag", blank=True, verbose_name=_("tags"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting__isnull=True) | Q(thematic_group__isnull=True),
                name="library_entry_in_one_library",
            )
        ]

    def __str__(self) -> str:
        return self.title


class LibraryEntryTag(TaggedItemBase):
    content_object = models.ForeignKey(
        LibraryEntry, on_delete=models.CASCADE, related_name="tagged_items"
    )
