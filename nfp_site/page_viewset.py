"""The admin's views of every page type: Wagtail's, with the explorer and the editor that read
less (issue 17: nfp_site.page_explorer, nfp_site.page_editor).

Registered for Wagtail's `Page` (network_pages/wagtail_hooks.py): Wagtail registers its
own default viewset for `Page` first (`register_admin_viewset`, order -1) so that a project's
replaces it; every URL and URL name stays Wagtail's.
"""

from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from nfp_site.page_editor import PageEditView
from nfp_site.page_explorer import ExplorerFilterSet, ExplorerIndexView


class SitePageViewSet(PageViewSet):
    model = Page
    name = "nfp_pages"
    index_view_class = ExplorerIndexView
    filterset_class = ExplorerFilterSet
    edit_view_class = PageEditView
