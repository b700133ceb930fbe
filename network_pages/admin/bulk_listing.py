"""Wagtail's page bulk actions (delete, move, publish, unpublish), whose confirmation
screens list only pages the user may read (issue 13, 3).

Wagtail's screens name every page whose id is in the URL, the ones the user may not act on
included ("You don't have permission to..."), so any id, or `id=all&childOf=<page>`, told a
network approver the titles of pages they may not read. A page the user may not read is now
left out of both lists, as if its id had not been asked for. Only what is *listed* changes:
who may act on a listed page is still Wagtail's (and the governance rules') to decide.
"""

from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.models import Page

from network_pages import access


class ReadableOnlyMixin:
    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        readable = set(
            access.readable_pages(
                self.request, Page.objects.filter(pk__in=[page.pk for page in objects])
            ).values_list("pk", flat=True)
        ) | set(
            access.readable_pages(
                self.request,
                Page.objects.filter(pk__in=[page.pk for page in extra["items_with_no_access"]]),
            ).values_list("pk", flat=True)
        )
        extra["items_with_no_access"] = [
            page for page in extra["items_with_no_access"] if page.pk in readable
        ]
        return [page for page in objects if page.pk in readable], extra


class ReadableDeleteBulkAction(ReadableOnlyMixin, DeleteBulkAction):
    pass


class ReadableMoveBulkAction(ReadableOnlyMixin, MoveBulkAction):
    pass


class ReadablePublishBulkAction(ReadableOnlyMixin, PublishBulkAction):
    pass


class ReadableUnpublishBulkAction(ReadableOnlyMixin, UnpublishBulkAction):
    pass


READABLE_PAGE_BULK_ACTIONS = (
    ReadableDeleteBulkAction,
    ReadableMoveBulkAction,
    ReadablePublishBulkAction,
    ReadableUnpublishBulkAction,
)
