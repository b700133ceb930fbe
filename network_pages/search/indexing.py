"""Keeping the entries in step with their sources.

A change schedules `tasks.refresh_search_entries` once its transaction commits
(`signals.schedule`); the task reads the source again and writes its entries (or removes
them). Saving an entry is what makes Wagtail's search backend index it (its own signal
handlers, themselves a task).
"""

from wagtail.documents import get_document_model
from wagtail.models import Page

from network_pages.community.models import MemberComment
from network_pages.information.models import Response

from . import document_entries, extraction
from .extraction import EntryData
from .models import SearchEntry

PAGE = "page"
RESPONSE = "response"
COMMENT = "comment"
DOCUMENT = "document"


def _write(existing, entries: list[EntryData]) -> int:
    """Make `existing` (a queryset of the source's entries) hold exactly `entries`."""
    keep = []
    for data in entries:
        entry, _created = SearchEntry.objects.update_or_create(
            kind=data.kind,
            source_id=data.source_id,
            defaults={
                "page_id": data.page_id,
                "title": data.title[:255],
                "body": data.body,
                "audience": data.audience,
                "member_state_id": data.member_state_id,
                "language": data.language,
                "date": data.date,
                "anchor": data.anchor,
                "document_id": data.document_id,
                "content_key": data.content_key,
                "view_name": data.view_name,
                "view_pk": data.view_pk,
            },
        )
        keep.append(entry.pk)
    # One by one, so that Wagtail's signal handler takes each out of the backend's index.
    for stale in existing.exclude(pk__in=keep):
        stale.delete()
    return len(keep)


def refresh_page(page_id: int) -> int:
    """The page's own entries, then those of its responses and comments (they carry its
    title, and disappear with it)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    own = SearchEntry.objects.filter(page_id=page_id, kind__in=extraction.PAGE_KINDS)
    written = _write(own, extraction.page_entries(page))
    if not written:
        # A document's entry stays: who reads it is the document's own rule, not its link.
        for stale in SearchEntry.objects.filter(page_id=page_id).exclude(
            kind=SearchEntry.Kind.DOCUMENT
        ):
            stale.delete()
        return 0
    for response_id in Response.objects.filter(request_id=page_id).values_list("pk", flat=True):
        written += refresh_response(response_id)
    for comment_id in MemberComment.objects.filter(page_id=page_id).values_list("pk", flat=True):
        written += refresh_comment(comment_id)
    return written


def refresh_response(response_id: int) -> int:
    existing = SearchEntry.objects.filter(kind=SearchEntry.Kind.RESPONSE, source_id=response_id)
    response = (
        Response.objects.select_related("request", "member_state").filter(pk=response_id).first()
    )
    return _write(existing, extraction.response_entries(response) if response else [])


def refresh_comment(comment_id: int) -> int:
    existing = SearchEntry.objects.filter(kind=SearchEntry.Kind.COMMENT, source_id=comment_id)
    comment = (
        MemberComment.objects.select_related("page", "author__member_profile")
        .filter(pk=comment_id)
        .first()
    )
    return _write(existing, extraction.comment_entries(comment) if comment else [])


def refresh_document(document_id: int) -> int:
    """Reads the document's file (in the worker only: this may take seconds)."""
    existing = SearchEntry.objects.filter(kind=SearchEntry.Kind.DOCUMENT, source_id=document_id)
    document = get_document_model().objects.filter(pk=document_id).first()
    entries = document_entries.document_entries(document, existing.first()) if document else []
    return _write(existing, entries)


REFRESHERS = {
    PAGE: refresh_page,
    RESPONSE: refresh_response,
    COMMENT: refresh_comment,
    DOCUMENT: refresh_document,
}


def refresh(source: str, pk: int) -> int:
    return REFRESHERS[source](pk)


def forget(kind: str, source_id: int) -> None:
    """A source was deleted: its entries go now (a page's go with it, by cascade)."""
    for entry in SearchEntry.objects.filter(kind=kind, source_id=source_id):
        entry.delete()


def rebuild_all() -> int:
    """Every entry again, from every source (after a restore, or to start the index)."""
    written = 0
    page_types = list(extraction.PAGE_EXTRACTORS)
    pages = Page.objects.type(*page_types).live().filter(alias_of__isnull=True)
    seen = set()
    for page_id in pages.values_list("pk", flat=True):
        written += refresh_page(page_id)
        seen.add(page_id)
    for stale in SearchEntry.objects.exclude(page_id__in=seen).exclude(
        kind=SearchEntry.Kind.DOCUMENT
    ):
        stale.delete()
    documents = set(get_document_model().objects.values_list("pk", flat=True))
    indexed = SearchEntry.objects.filter(kind=SearchEntry.Kind.DOCUMENT)
    for document_id in documents | set(indexed.values_list("source_id", flat=True)):
        written += refresh_document(document_id)
    return written
