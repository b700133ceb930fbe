from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Announcement(models.Model):
    """The email that announced a page to the members: sent once, whatever is republished.

    A new request goes to the Focal Points (4.5); an information item accepted for
    dissemination goes to all members (4.7). Kept apart from the page so that publishing
    an older revision never forgets that the email went out.
    """

    class Kind(models.TextChoices):
        NEW_REQUEST = "new_request", _("New information request")
        DISSEMINATION = "dissemination", _("Information disseminated to all members")

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.page_id}"
