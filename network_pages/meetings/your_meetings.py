"""'Your meetings': the first screen of an invited guest (1.2), and a shortcut for members.

Lists exactly what the calendar feed lists (the meetings the one access rule lets the
reader open), upcoming first, with the ones still waiting for the reader's answer marked.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.views.generic import TemplateView

from network_pages import access
from network_pages.accounts.mixins import VerifiedRequiredMixin
from network_pages.community.activity import ReaderUrls
from network_pages.meetings.calendar_feeds import meetings_visible_to
from network_pages.meetings.models import MeetingPage
from network_pages.meetings.pending import meetings_awaiting_answer
from network_pages.meetings.views import may_have_a_feed


@dataclass
class MeetingEntry:
    meeting: MeetingPage
    url: str
    awaiting_answer: bool


def your_meetings(user, request=None) -> tuple[list[MeetingEntry], list[MeetingEntry]]:
    """(upcoming, past) meetings `user` may open, in the reader's language."""
    meetings = meetings_visible_to(user)
    waiting = {meeting.pk for meeting in meetings_awaiting_answer(user)}
    links = ReaderUrls.of(request).map(meetings)
    now = timezone.now()
    entries = [MeetingEntry(m, links.get(m.pk, ""), m.pk in waiting) for m in meetings]
    upcoming = [entry for entry in entries if entry.meeting.closing >= now]
    past = [entry for entry in reversed(entries) if entry.meeting.closing < now]
    return upcoming, past


class YourMeetingsView(VerifiedRequiredMixin, TemplateView):
    template_name = "meetings/your_meetings.html"

    def refusal_for(self, request):
        refused = super().refusal_for(request)
        if refused is None and not may_have_a_feed(request.user):
            return access.refusal(request, access.Verdict.REFUSE)
        return refused

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["upcoming"], context["past"] = your_meetings(self.request.user, self.request)
        context["is_member"] = access.is_member(self.request.user)
        return context
