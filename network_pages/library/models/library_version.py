from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """The language of a file: the network's two official languages, or another one."""

    EN = "en", _("English")
    FR = "fr", _("French")
    OTHER = "other", _("Other language")


class LibraryVersion(models.Model):
    """One uploaded file of a library entry, in one language. Each language has its own
    history: its latest version is the current one, the older ones stay downloadable.

    The file is a Wagtail document: it is served by /documents/<id>/<name> under the one
    access rule, whose owner rule (`library.document_owners`) lets through exactly the
    readers of the entry's library.
    """

    entry = models.ForeignKey(
        "library.LibraryEntry", on_delete=models.CASCADE, related_name="versions"
    )
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="library_versions",
        verbose_name=_("file"),
    )
    note = models.CharField(_("note on this version"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["entry", "language", "-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.entry} ({self.language}, {self.uploaded_at:%Y-%m-%d})"

    @property
    def is_pdf(self) -> bool:
        return self.document.file_extension.lower() == "pdf"
