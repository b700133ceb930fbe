from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a notification is about. Other apps notify with these kinds."""

    COMMENT = "comment", _("New comments on pages you follow")
    REPLY = "reply", _("Replies to your comments")
    MEETING = "meeting", _("New meetings and thematic sessions")
    REQUEST = "request", _("New information requests")
    ITEM = "item", _("Information disseminated to the network")
    GROUP_UPDATE = "group_update", _("New updates in your thematic groups")


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately, one email each")
    DIGEST = "digest", _("In a daily digest")
    OFF = "off", _("Never")


DEFAULT_DELIVERY = {
    Kind.COMMENT: Delivery.DIGEST,
    Kind.REPLY: Delivery.IMMEDIATE,
    Kind.MEETING: Delivery.IMMEDIATE,
    Kind.REQUEST: Delivery.IMMEDIATE,
    Kind.ITEM: Delivery.DIGEST,
    Kind.GROUP_UPDATE: Delivery.DIGEST,
}


class NotificationPreference(models.Model):
    """How one user wants to hear about one kind of event; no row means the default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("about"), max_length=20, choices=Kind.choices)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()} → {self.get_delivery_display()}"
