from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# 2.1 a, 4.5: members exchange in short written comments; long texts belong in documents.
MAX_LENGTH = 5000
# Authors may correct a comment shortly after posting it; later it stands as written.
EDIT_WINDOW = timedelta(minutes=15)


LISTED_FIELDS = (
    "page_id",
    "parent_id",
    "author_id",
    "body",
    "language",
    "created_at",
    "edited_at",
    "deleted_at",
    "hidden_at",
    "hidden_reason",
    "author__username",
    "author__first_name",
    "author__last_name",
    "author__member_profile__function",
    "author__member_profile__member_state__name_en",
    "author__member_profile__member_state__name_fr",
)


class MemberCommentQuerySet(models.QuerySet):
    def top_level(self) -> "MemberCommentQuerySet":
        return self.filter(parent__isnull=True)

    def shown(self) -> "MemberCommentQuerySet":
        """Neither deleted by their author nor hidden by the DMR."""
        return self.filter(deleted_at__isnull=True, hidden_at__isnull=True)

    def with_people(self) -> "MemberCommentQuerySet":
        return self.select_related("author__member_profile__member_state", "hidden_by")

    def for_listing(self) -> "MemberCommentQuerySet":
        """What a listing writes of each comment (comments/markup.py) and of its author
        (`listing.author_label`), and nothing else: a page reads up to 80 comments, and
        Django's work to write the query and build each row grows with its columns."""
        return self.select_related("author__member_profile__member_state").only(*LISTED_FIELDS)


class MemberComment(models.Model):
    """A member's plain-text comment on a restricted page, or a reply to one (one level).

    Members-only content (3.1): attached to the source page of a network page (never an
    alias), never indexed, never copied with the page, never emailed; emails carry the
    page's title and a link. The DMR hides a comment with a reason (4.9): it is kept for
    the record and shown to the DMR only. An author who deletes their comment erases its
    text; its place in the thread stays, so that the replies keep their context.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="member_comments",
        verbose_name=_("page"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="member_comments",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"), max_length=MAX_LENGTH, blank=True)
    # 4.6: a comment stays in the language it was written in, and says so (`lang`).
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hidden by"),
    )
    hidden_reason = models.TextField(_("reason for hiding"), max_length=1000, blank=True)
    # A form sends its key once: a second click on "Post" finds the first comment.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    objects = MemberCommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("member comment")
        verbose_name_plural = _("member comments")
        indexes = [
            models.Index(fields=["page", "parent", "created_at"], name="comment_thread_idx"),
            models.Index(fields=["-created_at"], name="comment_recent_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"], name="comment_submitted_once"
            ),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""),
                name="hidden_comment_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.excerpt()

    def excerpt(self, length: int = 80) -> str:
        if self.is_deleted:
            return str(_("Comment deleted"))
        text = " ".join(self.body.split())
        return text if len(text) <= length else f"{text[: length - 1]}…"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def edit_deadline(self):
        return self.created_at + EDIT_WINDOW

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"
