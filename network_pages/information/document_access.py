"""Documents attached to drafts stay with whoever may read the draft.

The network's collection lets every member fetch a document (3.1); a response's draft,
though, is only for its own state and the DMR, and an item waiting for review only for its
submitting state and the DMR. This rule runs after the network's own document check.
"""

from django.http import HttpRequest, HttpResponse

from network_pages import access

from . import rules
from .models.item_page import InformationItemAttachment
from .models.response import ResponseAttachment


def may_fetch(user, document) -> bool:
    response_attachments = ResponseAttachment.objects.filter(document=document).select_related(
        "response__member_state"
    )
    if any(not rules.may_read(user, item.response) for item in response_attachments):
        return False
    item_attachments = InformationItemAttachment.objects.filter(document=document).select_related(
        "page__member_state"
    )
    for attachment in item_attachments:
        page = attachment.page
        if page.live or access.is_dmr(user):
            continue
        if page.member_state is None or not rules.may_write_for(user, page.member_state):
            return False
    return True


def refusal_for(document, request: HttpRequest) -> HttpResponse | None:
    if may_fetch(request.user, document):
        return None
    access.mark_restricted(request)
    return access.refusal(request, access.Verdict.REFUSE)
