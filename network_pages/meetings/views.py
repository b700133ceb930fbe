"""The personal calendar feed (a secret link) and the page where a member manages it."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from network_pages import access, roles
from network_pages.accounts.mixins import VerifiedRequiredMixin
from network_pages.meetings import feed_cache
from network_pages.meetings.calendar_feeds import feed_calendar
from network_pages.meetings.models import CalendarFeed

NEW_TOKEN_SESSION_KEY = "meetings_new_calendar_token"  # noqa: S105 - a session key name


def may_have_a_feed(user) -> bool:
    """Members, and guests (who see the meetings they are invited to)."""
    return access.is_member(user) or roles.GUESTS in access.group_names_of(user)


class CalendarFeedSettingsView(VerifiedRequiredMixin, TemplateView):
    """Create, regenerate or revoke the secret link of one's calendar feed.

    Only the token's digest is kept: the link is shown once, right after it is created.
    """

    template_name = "meetings/calendar_feed_settings.html"

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is None and not may_have_a_feed(request.user):
            return access.refusal(request, access.Verdict.REFUSE)
        return refused

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        token = self.request.session.pop(NEW_TOKEN_SESSION_KEY, None)
        feed = CalendarFeed.objects.filter(user=self.request.user).first()
        context["feed"] = feed
        if token and feed is not None:
            context["feed_url"] = self.request.build_absolute_uri(
                reverse("meetings:calendar_feed", kwargs={"token": token})
            )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        action = request.POST.get("action")
        if action == "revoke":
            with transaction.atomic():
                deleted, _rows = CalendarFeed.objects.filter(user=request.user).delete()
            if deleted:
                messages.success(request, _("Your calendar link was revoked: it no longer works."))
        elif action == "create":
            with transaction.atomic():
                _feed, token = CalendarFeed.issue(request.user)
            request.session[NEW_TOKEN_SESSION_KEY] = token
            messages.success(
                request,
                _("Your new calendar link is below. Any earlier link no longer works."),
            )
        else:
            messages.error(request, _("Choose to create or revoke your calendar link."))
        return redirect("meetings:calendar_feed_settings")


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed behind a secret link; an unknown or revoked link gets an empty 404."""
    access.mark_restricted(request)
    feed = CalendarFeed.find(token)
    if feed is None:
        return access.make_private(HttpResponseNotFound(b"", content_type="text/plain"))
    language = get_language() or "en"
    entry = feed_cache.kept_feed(
        feed, language, lambda today: feed_calendar(feed.user, language, request, today)
    )
    response = HttpResponse(entry.content, content_type="text/calendar; charset=utf-8")
    response["ETag"] = entry.etag
    response["Last-Modified"] = http_date(entry.stored_at)
    # A calendar application sending back the ETag (or the date) of what it has: a 304.
    response = get_conditional_response(
        request, etag=entry.etag, last_modified=int(entry.stored_at), response=response
    )
    return access.make_private(response)
