"""Posting, editing, deleting and moderating comments: each in one transaction."""

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.log_actions import log
from wagtail.models import Page

from network_pages import network_area
from network_pages.community.models.follow import Follow
from network_pages.community.models.member_comment import MemberComment
from network_pages.community.models.notification_preference import Kind
from network_pages.community.notifications import follow, notify

from . import rate_limit

HIDE_ACTION = "community.hide_comment"
RESTORE_ACTION = "community.restore_comment"


def post_comment(
    *,
    page: Page,
    author,
    body: str,
    parent: MemberComment | None = None,
    submission_key: uuid.UUID | None = None,
    language: str = "",
) -> tuple[MemberComment, bool]:
    """Post a comment (or a reply: replies stay one level deep). Returns (comment, created);
    the same submission sent twice returns the first comment and posts nothing."""
    source = network_area.source_of(page)
    if parent is not None and parent.parent_id is not None:
        parent = parent.parent
    try:
        with transaction.atomic():
            comment = MemberComment.objects.create(
                page=source,
                author=author,
                body=body,
                parent=parent,
                submission_key=submission_key,
                language=language or content_language_of(author),
            )
            follow(author, source, reason=Follow.Reason.COMMENTED)
            event_key = f"comment:{comment.pk}"
            replied_to = parent.author if parent is not None else None
            if replied_to is not None and replied_to.pk != author.pk:
                notify(
                    Kind.REPLY,
                    source,
                    author,
                    recipients=[replied_to],
                    event_key=event_key,
                    anchor=comment.anchor,
                )
            notify(
                Kind.COMMENT,
                source,
                author,
                event_key=event_key,
                anchor=comment.anchor,
                exclude=[replied_to],
            )
    except IntegrityError:
        if submission_key is None:
            raise
        existing = MemberComment.objects.filter(author=author, submission_key=submission_key)
        return existing.get(), False
    rate_limit.record_comment(author)
    return comment, True


def content_language_of(author) -> str:
    """The language a member writes in when they do not say: their interface's language,
    else their profile's preferred language, else the network's."""
    active = (get_language() or "")[:2]
    if active in dict(settings.LANGUAGES):
        return active
    profile = getattr(author, "member_profile", None) if author is not None else None
    return getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE


def edit_comment(comment: MemberComment, body: str, language: str = "") -> MemberComment:
    with transaction.atomic():
        locked = MemberComment.objects.select_for_update().get(pk=comment.pk)
        if locked.body != body:
            locked.body = body
            locked.edited_at = timezone.now()
            locked.save(update_fields=["body", "edited_at"])
        if language and locked.language != language:
            # Saying which language it is in corrects a label, not the text: not an edit.
            locked.language = language
            locked.save(update_fields=["language"])
    return locked


def delete_comment(comment: MemberComment) -> None:
    """The author's deletion erases the text; the comment's place in the thread stays.

    Saved through the model, like every other change of a comment, so that its `post_save`
    receivers run: the search's takes its entry out once this commits (`search.signals`)."""
    with transaction.atomic():
        locked = MemberComment.objects.select_for_update().filter(pk=comment.pk).first()
        if locked is None or locked.deleted_at is not None:
            return
        locked.body = ""
        locked.deleted_at = timezone.now()
        locked.save(update_fields=["body", "deleted_at"])


def hide_comment(comment: MemberComment, *, by, reason: str) -> None:
    """4.9: the DMR hides a comment; it is kept, with who hid it, when and why."""
    with transaction.atomic():
        locked = MemberComment.objects.select_for_update().get(pk=comment.pk)
        locked.hidden_at = timezone.now()
        locked.hidden_by = by
        locked.hidden_reason = reason
        locked.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        log(instance=locked, action=HIDE_ACTION, user=by, data={"reason": reason})


def restore_comment(comment: MemberComment, *, by) -> None:
    with transaction.atomic():
        locked = MemberComment.objects.select_for_update().get(pk=comment.pk)
        locked.hidden_at = None
        locked.hidden_by = None
        locked.hidden_reason = ""
        locked.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        log(instance=locked, action=RESTORE_ACTION, user=by)
