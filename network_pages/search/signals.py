"""Receivers, connected in `apps.py`: a changed source schedules its entries' refresh."""

from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.documents import get_document_model
from wagtail.signals import page_published, page_unpublished

from network_pages.attachments import document_links_changed
from network_pages.community.models import MemberComment
from network_pages.decisions.models import ActionPoint, Decision
from network_pages.information.models import Response
from network_pages.meetings.document_owners import DOCUMENT_LINK
from network_pages.meetings.models import MeetingPage
from network_pages.models import MemberProfile

from . import extraction, indexing, tasks
from .models import SearchEntry


def schedule(source: str, pk: int) -> None:
    """Refresh the entries of `source` #`pk` in the worker, once this transaction commits."""
    transaction.on_commit(partial(tasks.refresh_search_entries.enqueue, source, pk), robust=True)


def page_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or instance.alias_of_id:
        return
    schedule(indexing.PAGE, instance.pk)


def minutes_changed(sender, instance, **kwargs) -> None:
    """A document linked from a meeting's minutes belongs to the meeting."""
    if kwargs.get("raw") or instance.alias_of_id:
        return
    for document_id in {int(found) for found in DOCUMENT_LINK.findall(instance.minutes or "")}:
        schedule(indexing.DOCUMENT, document_id)


def document_changed(sender, instance, **kwargs) -> None:
    """A new file or title; its entry goes with it when it is deleted (a foreign key)."""
    if not kwargs.get("raw"):
        schedule(indexing.DOCUMENT, instance.pk)


def document_links_moved(sender, document_id, **kwargs) -> None:
    """Attached or detached: the document is now found, or not, and where it links to."""
    schedule(indexing.DOCUMENT, document_id)


def outcome_changed(sender, instance, **kwargs) -> None:
    """A decision or action point is part of its meeting's text."""
    if not kwargs.get("raw"):
        schedule(indexing.PAGE, instance.meeting_id)


def response_changed(sender, instance, **kwargs) -> None:
    if not kwargs.get("raw"):
        schedule(indexing.RESPONSE, instance.pk)


def response_deleted(sender, instance, **kwargs) -> None:
    indexing.forget(SearchEntry.Kind.RESPONSE, instance.pk)


def comment_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    if instance.is_deleted or instance.is_hidden:
        # Its text leaves the search with the change itself, not when the worker next runs:
        # the DMR hides a comment for what it says (the refresh then writes nothing).
        indexing.forget(SearchEntry.Kind.COMMENT, instance.pk)
    schedule(indexing.COMMENT, instance.pk)


def comment_deleted(sender, instance, **kwargs) -> None:
    indexing.forget(SearchEntry.Kind.COMMENT, instance.pk)


def author_deleted(sender, instance, **kwargs) -> None:
    """A deleted account's comments stay, without their author: Django writes that
    (`SET_NULL`) as one bulk update, which sends no `post_save`, so their entries, which
    carry the author's state, are refreshed here."""
    for comment_id in MemberComment.objects.filter(author=instance).values_list("pk", flat=True):
        schedule(indexing.COMMENT, comment_id)


def member_state_changed(sender, instance, **kwargs) -> None:
    """A member now represents another state (or none): their comments' entries carry the
    state they are filtered by, so each is refreshed once the change commits."""
    if kwargs.get("raw") or instance.pk is None:
        return
    stored = MemberProfile.objects.filter(pk=instance.pk).values_list("member_state_id", flat=True)
    if stored.first() == instance.member_state_id:
        return
    comments = MemberComment.objects.filter(author_id=instance.user_id)
    for comment_id in comments.values_list("pk", flat=True):
        schedule(indexing.COMMENT, comment_id)


def connect() -> None:
    for page_class in extraction.PAGE_EXTRACTORS:
        uid = f"network_search_{page_class.__name__}"
        # post_save covers unpublishing and direct saves; page_published comes after the
        # page's child rows (questions, agenda items) are written.
        post_save.connect(page_changed, sender=page_class, dispatch_uid=f"{uid}_saved")
        page_published.connect(page_changed, sender=page_class, dispatch_uid=f"{uid}_published")
        page_unpublished.connect(page_changed, sender=page_class, dispatch_uid=f"{uid}_unpub")
    page_published.connect(
        minutes_changed, sender=MeetingPage, dispatch_uid="network_search_minutes_links"
    )
    post_save.connect(
        document_changed, sender=get_document_model(), dispatch_uid="network_search_document"
    )
    document_links_changed.connect(
        document_links_moved, dispatch_uid="network_search_document_links"
    )
    for record in (Decision, ActionPoint):
        uid = f"network_search_{record.__name__}"
        post_save.connect(outcome_changed, sender=record, dispatch_uid=f"{uid}_saved")
        post_delete.connect(outcome_changed, sender=record, dispatch_uid=f"{uid}_deleted")
    post_save.connect(response_changed, sender=Response, dispatch_uid="network_search_response")
    post_delete.connect(
        response_deleted, sender=Response, dispatch_uid="network_search_response_deleted"
    )
    post_save.connect(comment_changed, sender=MemberComment, dispatch_uid="network_search_comment")
    post_delete.connect(
        comment_deleted, sender=MemberComment, dispatch_uid="network_search_comment_deleted"
    )
    pre_delete.connect(
        author_deleted, sender=get_user_model(), dispatch_uid="network_search_author_deleted"
    )
    pre_save.connect(
        member_state_changed, sender=MemberProfile, dispatch_uid="network_search_member_state"
    )
