from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from network_pages.area_addresses import LocalizedRoutesMixin
from network_pages.information.views import requests as request_views
from nfp_site.page_counts import OncePerParent

from .request_page import InformationRequestPage, RequestQuestion


def unique_child_slug(parent: Page, title: str, fallback: str) -> str:
    """A slug for a new child of `parent` that none of its children has yet."""
    base = slugify(title)[:60].strip("-") or fallback
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


class InformationRequestIndexPage(OncePerParent, LocalizedRoutesMixin, RoutablePageMixin, Page):
    """The network's information requests, open and closed (4.5, 4.6)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["network_pages.NetworkHomePage"]
    subpage_types = ["information.InformationRequestPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("information request index")

    @path("")
    def index_route(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return request_views.request_index(request, self)

    @path("submit/", name="submit_request")
    def submit_request(self, request: HttpRequest) -> HttpResponse:
        return request_views.submit_request(request, self)

    def live_requests(self):
        return InformationRequestPage.objects.child_of(self).live()

    def add_draft_request(
        self, *, user, member_state, title: str, questions: list[str], **fields
    ) -> InformationRequestPage:
        """A request a Focal Point sent through the site: a draft for the DMR to check.

        It is not live: the DMR Secretariat checks it in the admin and publishes it (4.9).
        """
        page = InformationRequestPage(
            title=title,
            slug=unique_child_slug(self, title, "request"),
            live=False,
            owner=user,
            requested_by=user,
            member_state=member_state,
            locale_id=self.locale_id,
            **fields,
        )
        page.questions = [
            RequestQuestion(text=text, sort_order=order) for order, text in enumerate(questions)
        ]
        self.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        return page
