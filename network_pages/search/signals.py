"""Receivers, connected in `apps.py`: a changed source schedules its entries' refresh."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from network_pages.community.models import MemberComment
from network_pages.information.models import Response

from . import extraction, indexing, tasks
from .models import SearchEntry


def schedule(source: str, pk: int) -> None:
    """Refresh the entries of `source` #`pk` in the worker, once this transaction commits."""
    transaction.on_commit(partial(tasks.refresh_search_entries.enqueue, source, pk), robust=True)


def page_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or instance.alias_of_id:
        return
    schedule(indexing.PAGE, instance.pk)


def response_changed(sender, instance, **kwargs) -> None:
    if not kwargs.get("raw"):
        schedule(indexing.RESPONSE, instance.pk)


def response_deleted(sender, instance, **kwargs) -> None:
    indexing.forget(SearchEntry.Kind.RESPONSE, instance.pk)


def comment_changed(sender, instance, **kwargs) -> None:
    if not kwargs.get("raw"):
        schedule(indexing.COMMENT, instance.pk)


def comment_deleted(sender, instance, **kwargs) -> None:
    indexing.forget(SearchEntry.Kind.COMMENT, instance.pk)


def connect() -> None:
    for page_class in extraction.PAGE_EXTRACTORS:
        uid = f"network_search_{page_class.__name__}"
        # post_save covers unpublishing and direct saves; page_published comes after the
        # page's child rows (questions, agenda items) are written.
        post_save.connect(page_changed, sender=page_class, dispatch_uid=f"{uid}_saved")
        page_published.connect(page_changed, sender=page_class, dispatch_uid=f"{uid}_published")
        page_unpublished.connect(page_changed, sender=page_class, dispatch_uid=f"{uid}_unpub")
    post_save.connect(response_changed, sender=Response, dispatch_uid="network_search_response")
    post_delete.connect(
        response_deleted, sender=Response, dispatch_uid="network_search_response_deleted"
    )
    post_save.connect(comment_changed, sender=MemberComment, dispatch_uid="network_search_comment")
    post_delete.connect(
        comment_deleted, sender=MemberComment, dispatch_uid="network_search_comment_deleted"
    )
