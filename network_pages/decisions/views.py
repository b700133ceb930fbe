"""/<lang>/network/register/: decisions and action points of every meeting (issue 18)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from network_pages import access
from network_pages.accounts.mixins import VerifiedRequiredMixin
from network_pages.information import rules as information_rules

from . import exports, register, rules
from .forms import ProgressForm, RegisterFilterForm
from .models import ActionPoint

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class MembersOnlyMixin(VerifiedRequiredMixin):
    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is None and not rules.may_read_register(request.user):
            return access.refusal(request, access.Verdict.REFUSE)
        return refused


def filters_from(request: HttpRequest) -> tuple[RegisterFilterForm, register.RegisterFilters]:
    form = RegisterFilterForm(request.GET)
    if not form.is_valid():
        return form, register.RegisterFilters()
    data = form.cleaned_data
    return form, register.RegisterFilters(
        meeting=data.get("meeting"), state=data.get("state"), status=data.get("status") or ""
    )


class RegisterView(MembersOnlyMixin, TemplateView):
    template_name = "decisions/register.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        form, filters = filters_from(self.request)
        meeting_ids = register.readable_meeting_ids(user)
        actions = list(register.action_points_without_progress(meeting_ids, filters)[:200])
        may_report = rules.progress_reporter(user)
        state = information_rules.represented_state(user)
        own = []
        if state is not None:
            own = list(
                register.with_owners(
                    register.open_action_points_for_state(state).filter(meeting_id__in=meeting_ids)
                )
            )
        register.read_progress(actions, own)  # one query for both lists
        params = self.request.GET.copy()
        context.update(
            form=form,
            decisions=list(register.decisions(meeting_ids, filters)[:200]),
            actions=[(action, may_report(action)) for action in actions],
            own_state=state,
            own_actions=own,
            progress_form=ProgressForm(),
            today=timezone.localdate(),
            querystring=params.urlencode(),
        )
        return context


class RegisterExportView(MembersOnlyMixin, View):
    """The filtered register as a spreadsheet (`format` is "csv" or "xlsx")."""

    format = "csv"

    def get(self, request: HttpRequest) -> HttpResponse:
        _form, filters = filters_from(request)
        meeting_ids = register.readable_meeting_ids(request.user)
        table = exports.rows(
            list(register.decisions(meeting_ids, filters)),
            list(register.action_points(meeting_ids, filters)),
        )
        stamp = timezone.localdate().isoformat()
        if self.format == "xlsx":
            content, content_type = exports.as_xlsx(table), XLSX
        else:
            content, content_type = exports.as_csv(table), "text/csv; charset=utf-8"
        filename = f"register-{stamp}.{self.format}"
        response = HttpResponse(
            content,
            content_type=content_type,
            headers={"Content-Disposition": content_disposition_header(True, filename)},
        )
        return access.make_private(response)


class ProgressView(MembersOnlyMixin, View):
    """An owner's note on an action point, with its new status (POST)."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        access.mark_restricted(request)
        refused = self.refusal_for(request)
        if refused is not None:
            return refused
        if request.method != "POST":
            return access.make_private(HttpResponseNotAllowed(["POST"]))
        return self.post(request, *args, **kwargs)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        action = get_object_or_404(ActionPoint, pk=pk)
        back = reverse("decisions:register") + f"#action-{action.pk}"
        if action.meeting_id not in register.readable_meeting_ids(request.user) or not (
            rules.may_report_progress(request.user, action)
        ):
            return access.refusal(request, access.Verdict.REFUSE)
        form = ProgressForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the status and a short note on the progress."))
            return redirect(back)
        rules.report_progress(
            action, request.user, form.cleaned_data["status"], form.cleaned_data["note"]
        )
        messages.success(request, _("Your progress note was recorded."))
        return redirect(back)
