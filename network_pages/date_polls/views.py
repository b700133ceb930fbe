"""/<lang>/network/date-polls/: the polls for meeting dates (issue 18)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from network_pages import access
from network_pages.community import visibility
from network_pages.decisions.views import MembersOnlyMixin

from . import rules, tally
from .models import Availability, DateAnswer, DatePoll


class PollListView(MembersOnlyMixin, TemplateView):
    template_name = "date_polls/poll_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        polls = list(DatePoll.objects.select_related("meeting").order_by("-created_at")[:100])
        visible = {
            page.pk
            for page in visibility.pages_visible_to(
                self.request.user, [poll.meeting for poll in polls]
            )
        }
        context["polls"] = [poll for poll in polls if poll.meeting_id in visible]
        return context


class PollView(MembersOnlyMixin, TemplateView):
    """The proposed dates; a Focal Point answers for their state; the DMR decides."""

    template_name = "date_polls/poll.html"

    def poll(self) -> DatePoll:
        if not hasattr(self, "_poll"):
            self._poll = get_object_or_404(
                DatePoll.objects.select_related("meeting", "chosen"), pk=self.kwargs["pk"]
            )
        return self._poll

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is None and not rules.may_see(request.user, self.poll()):
            return access.refusal(request, access.Verdict.REFUSE)
        return refused

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        poll = self.poll()
        state = rules.answering_state(self.request.user)
        own = {}
        if state is not None:
            own = dict(
                DateAnswer.objects.filter(option__poll=poll, member_state=state).values_list(
                    "option_id", "answer"
                )
            )
        may_decide = rules.may_decide(self.request.user)
        answers = []
        if may_decide:
            answers = list(
                DateAnswer.objects.filter(option__poll=poll)
                .select_related("member_state", "option")
                .order_by("member_state__name_en", "option__sort_order")
            )
        context.update(
            poll=poll,
            tallies=tally.tally(poll),
            state=state,
            own=own,
            choices=Availability.choices,
            may_decide=may_decide,
            answers=answers,
        )
        return context

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        poll = self.poll()
        back = reverse("date_polls:poll", kwargs={"pk": poll.pk})
        try:
            if "decide" in request.POST:
                if not rules.may_decide(request.user):
                    return access.refusal(request, access.Verdict.REFUSE)
                option = get_object_or_404(poll.options.all(), pk=request.POST.get("decide"))
                rules.decide(poll, option, request.user)
                messages.success(
                    request, _("The meeting's dates are now %(dates)s.") % {"dates": str(option)}
                )
            else:
                valid = set(Availability.values)
                answers = {}
                for option in poll.options.all():
                    value = request.POST.get(f"option-{option.pk}", "")
                    if value in valid:
                        answers[option.pk] = value
                rules.answer(poll, request.user, answers)
                messages.success(request, _("Your state's answers were saved."))
        except rules.PollRefused as refused:
            messages.error(request, str(refused))
        return redirect(back)
