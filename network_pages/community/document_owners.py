"""The workspace updates a document belongs to (the owner rule of
`access.readable_by_owners`)."""

from collections.abc import Collection, Iterator

from django.db.models import F, Q

from network_pages import access, access_sql
from nfp_site.prepared_sql import AnyOf

from .models.thematic_group_update_page import UpdateDocument


def _links(document_ids: Collection[int]):
    return UpdateDocument.objects.filter(AnyOf(F("document_id"), document_ids))


def updates_in_sql(user, pages: access_sql.PageRule):
    """`access.may_read_attachments_of` the updates, as a condition."""
    links = UpdateDocument.objects.values("document_id")
    readable = pages.condition("update__")
    if not access.is_dmr(user):
        readable &= Q(update__live=True)
    return links, links.exclude(pk__in=links.filter(readable).values("pk"))


@access_sql.in_sql(updates_in_sql)
@access.attached_by(_links)
def update_owners(user, document_ids: Collection[int]) -> Iterator[tuple[int, bool]]:
    verdicts: dict[int, bool] = {}
    links = list(_links(document_ids).select_related("update"))
    access.prime_view_restrictions([link.update for link in links])
    for link in links:
        if link.update_id not in verdicts:
            verdicts[link.update_id] = access.may_read_attachments_of(user, link.update)
        yield link.document_id, verdicts[link.update_id]
