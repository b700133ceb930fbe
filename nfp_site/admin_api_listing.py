"""The Wagtail admin's API (`/admin/api/main/...`), listing only what the user may read.

Wagtail's endpoints list every page its explorer permissions reach, every document and
every image: titles and download URLs a network approver may not read (issue 13, 3). These
subclasses change only what is listed (their queryset), through the one access rule; a
detail view of anything else is a 404. Registered by `network_pages/wagtail_hooks.py`
(`construct_admin_api`). Page *actions* (publish, move, copy...) go through the joint
approval's gate (workflows.admin_api), which this pages endpoint inherits.
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from network_pages import access
from workflows.admin_api import GatedPagesAdminAPIViewSet


class ReadablePagesAdminAPIViewSet(GatedPagesAdminAPIViewSet):
    def get_base_queryset(self):
        # Also the base of the child_of / descendant_of filters: a parent the user may not
        # read cannot be named either.
        return access.readable_pages(self.request, super().get_base_queryset())


class ReadableDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return access.readable_documents(self.request, super().get_queryset())


class ReadableImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return access.readable_images(self.request, super().get_queryset())


def register_readable_endpoints(router) -> None:
    """For the `construct_admin_api` hook: replaces Wagtail's three endpoints."""
    router.register_endpoint("pages", ReadablePagesAdminAPIViewSet)
    router.register_endpoint("documents", ReadableDocumentsAdminAPIViewSet)
    router.register_endpoint("images", ReadableImagesAdminAPIViewSet)
