"""Pages of this app outside the page tree: notification settings and following a page.

Both are personal and members-only: they check the access rule themselves and mark their
responses private (they are not network pages, so no `before_serve_page` hook runs).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views import View
from django.views.generic import TemplateView
from wagtail.models import Page

from network_pages import access, network_area, roles
from network_pages.community import activity, follow_rows, visibility
from network_pages.community.forms import (
    FollowForm,
    NotificationPreferencesForm,
    preference_fields,
)
from network_pages.community.notifications import follow, unfollow

FOLLOWS_PER_PAGE = 50


def may_have_notifications(user) -> bool:
    """Members of the network, and invited guests (they hear about their meetings)."""
    return access.is_member(user) or roles.GUESTS in access.group_names_of(user)


class NetworkPersonMixin:
    """A verified member (or guest) of the network; everyone else is refused."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        access.mark_restricted(request)
        user = request.user
        if not user.is_authenticated:
            return access.refusal(request, access.Verdict.SIGN_IN)
        if not access.is_verified(user):
            return access.refusal(request, access.Verdict.VERIFY)
        if not may_have_notifications(user):
            return access.refusal(request, access.Verdict.REFUSE)
        return super().dispatch(request, *args, **kwargs)


class NotificationSettingsView(NetworkPersonMixin, TemplateView):
    """Each user chooses, per kind, immediately / daily digest / never; and sees the pages
    they follow, with a way to stop following each."""

    template_name = "community/notifications/settings.html"

    def get_context_data(self, **kwargs) -> dict:
        user = self.request.user
        form = kwargs.setdefault("form", NotificationPreferencesForm(user=user))
        rows = follow_rows.FollowedRows(user)
        listing = Paginator(rows, FOLLOWS_PER_PAGE).get_page(self.request.GET.get("page"))
        follows = [follow_rows.followed_page(row) for row in listing.object_list]
        pages = [item.page for item in follows]
        # A page the user can no longer read (unpublished, or no longer open to them) is
        # not named here, even if they followed it once.
        visible = {page.pk for page in visibility.pages_readable_by(user, pages)}
        shown = [item for item in follows if item.page_id in visible]
        # As `{% pageurl item.page %}` writes them, from the site root paths at once.
        urls = activity.page_urls(self.request, {item.pk: item.page for item in shown})
        for item in shown:
            item.page_url = urls[item.pk] or item.page.get_url(self.request)
        return super().get_context_data(
            follows=shown,
            follow_rows=follow_rows.rows_html(
                shown,
                csrf_token=get_token(self.request),
                next_path=self.request.get_full_path(),
            ),
            pagination=listing,
            preference_fields=preference_fields(form),
            **kwargs,
        )

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = NotificationPreferencesForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        form.save()
        messages.success(request, gettext("Your notification settings have been saved."))
        return redirect("community:notification_settings")


class FollowView(NetworkPersonMixin, View):
    """POST: follow or stop following a page the user may see."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, page_id: int) -> HttpResponse:
        page = Page.objects.filter(pk=page_id).first()
        # Missing, unpublished and forbidden pages get the same answer: a refusal names
        # nothing, and nobody follows (so is later told the title of) what they cannot read.
        if (
            page is None
            or not network_area.is_in_network_area(page)
            or not visibility.pages_readable_by(request.user, [page])
        ):
            return access.refusal(request, access.Verdict.REFUSE)
        form = FollowForm(request.POST)
        if not form.is_valid():
            messages.error(request, gettext("Choose whether to follow the page or not."))
        elif form.cleaned_data["action"] == "follow":
            follow(request.user, page)
            messages.success(
                request,
                gettext("You now follow “%(title)s”: you will be told about new comments.")
                % {"title": page.title},
            )
        else:
            unfollow(request.user, page)
            messages.success(
                request, gettext("You no longer follow “%(title)s”.") % {"title": page.title}
            )
        target = form.cleaned_data.get("next") if form.is_valid() else ""
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(target)
        return redirect(page.get_url(request) or reverse("community:notification_settings"))
