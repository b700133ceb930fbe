"""Files follow their owner: what happens to a document when it is detached or attached.

The access rule (`access.readable_by_owners`) already keeps a detached document from
everyone but the DMR; this module keeps the files themselves tidy, so that a document
removed from what it belonged to does not linger where members browse:

- a document a member state removed from its response is deleted, file and row (it was
  uploaded for that response and nothing else keeps a copy of it);
- a document removed from a page (an item, a meeting, a workspace update) moves to
  "Removed documents", a collection only the DMR reads: a revision of the page may still
  name it, and reverting to that revision must not lose it;
- a document attached again leaves "Removed documents" for the network's collection.

Each app connects its attachment models here (`follow_attachments`) in its `ready()`.
"""

from enum import Enum

from django.contrib.auth.models import AnonymousUser, Group
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from network_pages import access, roles
from network_pages.network_area import ensure_network_collection
from network_pages.search import document_cache

REMOVED_COLLECTION = "Removed documents"


# Sent (with `document_id`) after a row attaching a document to something is saved or
# deleted: what the document belongs to may have changed (the members' search listens).
document_links_changed = Signal()


class OnDetach(Enum):
    DELETE = "delete"
    RETIRE = "retire"


def ensure_removed_collection() -> Collection:
    """Under the network's collection, restricted to the DMR alone."""
    network = ensure_network_collection()
    collection = network.get_children().filter(name=REMOVED_COLLECTION).first()
    if collection is None:
        collection = network.add_child(name=REMOVED_COLLECTION)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).first() or CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name=roles.DMR_SECRETARIAT))
    return collection


def attached(document_ids: set[int]) -> set[int]:
    """Those of `document_ids` still attached to something (whoever may read it)."""
    owned: set[int] = set()
    for owners in access.document_owner_hooks():
        owned |= {document_id for document_id, _may_read in owners(AnonymousUser(), document_ids)}
    return owned


def settle_detached(document_id: int, on_detach: OnDetach) -> None:
    """Once the transaction is over: if the document is attached to nothing any more,
    delete it or move it to the DMR's "Removed documents"."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or attached({document_id}):
        return
    if on_detach is OnDetach.DELETE:
        # Wagtail removes the file from storage once the row is gone (its own task).
        document.delete()
        return
    removed = ensure_removed_collection()
    if document.collection_id != removed.pk:
        document.collection = removed
        document.save(update_fields=["collection"])


def settle_attached(document_id: int) -> None:
    retired = get_document_model().objects.filter(
        pk=document_id, collection__name=REMOVED_COLLECTION
    )
    if retired.exists():
        retired.update(collection=ensure_network_collection())
        # No signal for a bulk update: the search's kept documents go by hand.
        document_cache.start_new_generation()


def follow_attachments(model: type[models.Model], on_detach: OnDetach) -> None:
    """Connect `model` (a row with a `document` foreign key) to the rules above."""

    def after_delete(sender, instance, **kwargs) -> None:
        document_id = instance.document_id
        transaction.on_commit(lambda: settle_detached(document_id, on_detach))
        document_links_changed.send(sender=model, document_id=document_id)

    def after_save(sender, instance, created, raw=False, **kwargs) -> None:
        if raw:
            return
        if created:
            settle_attached(instance.document_id)
        document_links_changed.send(sender=model, document_id=instance.document_id)

    uid = f"nfp_attachments_{model._meta.label_lower}"
    post_delete.connect(after_delete, sender=model, weak=False, dispatch_uid=f"{uid}_delete")
    post_save.connect(after_save, sender=model, weak=False, dispatch_uid=f"{uid}_save")
