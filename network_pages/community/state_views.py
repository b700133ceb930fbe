"""'Our state' pages (see `state_record`)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from network_pages import access
from network_pages.accounts.mixins import VerifiedRequiredMixin
from network_pages.community import state_record
from network_pages.models import MemberState


class OurStateView(VerifiedRequiredMixin, TemplateView):
    """/our-state/: a Focal Point's own state; the DMR chooses among the 46."""

    template_name = "community/state_index.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not access.is_member(request.user):
            return access.refusal(request, access.Verdict.REFUSE)
        own = state_record.represented_state(request.user)
        if own is not None and not access.is_dmr(request.user):
            return redirect("community:state_record", code=own.code)
        if not access.is_dmr(request.user):
            return access.refusal(request, access.Verdict.REFUSE)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["states"] = sorted(MemberState.objects.all(), key=lambda state: state.name)
        return context


class StateRecordView(VerifiedRequiredMixin, TemplateView):
    template_name = "community/state_record.html"

    def get(self, request: HttpRequest, *args, code: str = "", **kwargs) -> HttpResponse:
        self.state = get_object_or_404(MemberState, code=code.upper())
        if not state_record.may_read_record(request.user, self.state):
            return access.refusal(request, access.Verdict.REFUSE)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["state"] = self.state
        context["sections"] = state_record.record_of(self.state, self.request.user, self.request)
        return context
