from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """Someone who is told about new comments on a page (and new pages below it).

    Attached to the page's source, never to an alias. Created automatically for the
    page's author, the people invited to it and everyone who comments on it; an explicit
    "unfollow" is remembered (`active` False) so that automatic follows respect it.
    """

    class Reason(models.TextChoices):
        CHOSEN = "chosen", _("You chose to follow it")
        AUTHORED = "authored", _("You created it")
        INVITED = "invited", _("You were invited")
        COMMENTED = "commented", _("You commented on it")
        JOINED = "joined", _("You joined the thematic group")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="followed_pages",
        verbose_name=_("user"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="followers",
        verbose_name=_("page"),
    )
    reason = models.CharField(
        _("reason"), max_length=20, choices=Reason.choices, default=Reason.CHOSEN
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)
    # An unfollowed page stays unfollowed: commenting on it again does not follow it again.
    active = models.BooleanField(_("following"), default=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("followed page")
        verbose_name_plural = _("followed pages")
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="follow_a_page_once")]

    def __str__(self) -> str:
        return f"{self.user} → {self.page}"
