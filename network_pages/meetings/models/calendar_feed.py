import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(models.Model):
    """A member's personal calendar feed: its secret token is only in the link they hold.

    Only the token's digest is stored. Regenerating replaces it (the old link stops
    working); revoking deletes the feed.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("user"),
    )
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def issue(cls, user) -> tuple["CalendarFeed", str]:
        """A new token for `user` (replacing any earlier one); returns the feed and token."""
        token = secrets.token_urlsafe(32)
        feed, _created = cls.objects.update_or_create(
            user=user,
            defaults={"token_digest": token_digest(token), "created_at": timezone.now()},
        )
        return feed, token

    @classmethod
    def find(cls, token: str) -> "CalendarFeed | None":
        if not token:
            return None
        return (
            cls.objects.select_related("user")
            .filter(token_digest=token_digest(token), user__is_active=True)
            .first()
        )
