"""Who may read the documents of responses and information items (the owner rule of
`access.readable_by_owners`).

A submitted response's documents are for every member (2.1.a), a draft's only for its own
state and the DMR; an item's documents follow the item: every reader of a published item,
only the submitting state and the DMR while it waits for review (4.7).
"""

from collections.abc import Collection, Iterator

from django.db.models import F, Q

from network_pages import access, access_sql
from nfp_site.prepared_sql import AnyOf

from . import rules
from .models.item_page import InformationItemAttachment
from .models.response import Response, ResponseAttachment


def _response_attachments(document_ids: Collection[int]):
    return ResponseAttachment.objects.filter(AnyOf(F("document_id"), document_ids))


def _item_attachments(document_ids: Collection[int]):
    return InformationItemAttachment.objects.filter(AnyOf(F("document_id"), document_ids))


def _readable_responses(user, prefix: str = "") -> Q:
    """`rules.may_read` as a condition on a response (`prefix`: the way to it)."""
    if access.is_dmr(user):
        return access_sql.EVERYTHING
    readable = access_sql.NOTHING
    if access.is_member(user):
        readable = Q(**{f"{prefix}status": Response.Status.SUBMITTED})
    own = rules.represented_state(user)
    if own is not None:
        readable |= Q(**{f"{prefix}member_state": own})
    return readable


def responses_in_sql(user, pages: access_sql.PageRule):
    """The attachments not readable are those of a response the user may not read, each
    joined to its response (issue 17: not every readable response of the network, some
    19,000 at network size, read at every search of a Focal Point)."""
    attachments = ResponseAttachment.objects.values("document_id")
    return attachments, attachments.exclude(_readable_responses(user, "response__"))


# A response's status is set by bulk updates too (no signal): asked at every use.
@access_sql.in_sql(responses_in_sql, read_at_every_use=True)
@access.attached_by(_response_attachments)
def response_owners(user, document_ids: Collection[int]) -> Iterator[tuple[int, bool]]:
    attachments = _response_attachments(document_ids)
    for attachment in attachments.select_related("response__member_state"):
        yield attachment.document_id, rules.may_read(user, attachment.response)


def may_read_item(user, page) -> bool:
    if access.user_may_view_page(user, page) is False:
        return False
    if page.live or access.is_dmr(user):
        return True
    return page.member_state is not None and rules.may_write_for(user, page.member_state)


def items_in_sql(user, pages: access_sql.PageRule):
    """`may_read_item` as a condition on the attachments' items."""
    attachments = InformationItemAttachment.objects.values("document_id")
    if access.is_dmr(user):
        readable = pages.condition("page__")
    else:
        readable = Q(page__live=True)
        own = rules.represented_state(user)
        if own is not None:
            readable |= Q(page__member_state=own)
        readable &= pages.condition("page__")
    return attachments, attachments.exclude(pk__in=attachments.filter(readable).values("pk"))


@access_sql.in_sql(items_in_sql)
@access.attached_by(_item_attachments)
def item_owners(user, document_ids: Collection[int]) -> Iterator[tuple[int, bool]]:
    attachments = list(_item_attachments(document_ids).select_related("page__member_state"))
    access.prime_view_restrictions([attachment.page for attachment in attachments])
    verdicts: dict[int, bool] = {}
    for attachment in attachments:
        # An alias's rows copy its source's: the source decides.
        page = attachment.page
        if page.pk not in verdicts:
            verdicts[page.pk] = may_read_item(user, page)
        yield attachment.document_id, verdicts[page.pk]
