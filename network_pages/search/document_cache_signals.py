"""What makes every reader's kept documents stale (document_cache.py): any change to what the
documents' owner rule and the collections' restrictions read starts a new generation. Broad
on purpose: deciding a reader's documents again costs some 60 ms once; keeping them too long
could let a reader find a document they may no longer download."""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import post_page_move

from network_pages.community.models import UpdateDocument
from network_pages.information.models import InformationItemAttachment, ResponseAttachment
from network_pages.library.models import LibraryEntry, LibraryVersion
from network_pages.meetings.models import MeetingDocument

from . import document_cache

# Besides every page and the documents themselves.
MODELS = (
    PageViewRestriction,
    CollectionViewRestriction,
    Collection,
    Group,
    UpdateDocument,
    MeetingDocument,
    ResponseAttachment,
    InformationItemAttachment,
    LibraryEntry,
    LibraryVersion,
)


def page_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        document_cache.start_new_generation()


def changed(sender, **kwargs) -> None:
    document_cache.start_new_generation()


def connect() -> None:
    for signal in (post_save, post_delete):
        # Every page type: a meeting (and its minutes), an item, a workspace update...
        signal.connect(page_changed, dispatch_uid=f"search_documents_page_{id(signal)}")
        for model in (*MODELS, get_document_model()):
            signal.connect(
                changed,
                sender=model,
                dispatch_uid=f"search_documents_{model.__name__}_{id(signal)}",
            )
    post_page_move.connect(changed, dispatch_uid="search_documents_page_moved")
    for restriction in (PageViewRestriction, CollectionViewRestriction):
        m2m_changed.connect(
            changed,
            sender=restriction.groups.through,
            dispatch_uid=f"search_documents_{restriction.__name__}_groups",
        )
