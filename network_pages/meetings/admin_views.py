"""The DMR's meeting views in the Wagtail admin: send the convocation (4.1), the attendance
list and its export, and the decisions on agenda suggestions (4.4)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.permissions import policy_registry

from network_pages import access
from network_pages.meetings import agenda, attendance, convocation, participants
from network_pages.meetings.forms import ConvocationForm, DeclineSuggestionForm
from network_pages.meetings.models import (
    AgendaSuggestion,
    Convocation,
    ConvocationDelivery,
    MeetingPage,
)
from network_pages.network_area import source_of

RECIPIENTS_SHOWN = 200


def may_manage_meeting(user, page: MeetingPage) -> bool:
    """The DMR convenes and manages meetings (4.1, 4.9): DMR staff who may publish it."""
    return access.is_dmr(user) and page.permissions_for_user(user).can_publish()


class MeetingAdminMixin(generic.WagtailAdminTemplateMixin):
    """A view about one meeting page (its source, never its alias), for the DMR."""

    header_icon = "date"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        found = get_object_or_404(MeetingPage, pk=kwargs["page_id"])
        self.meeting = source_of(found)
        if not may_manage_meeting(request.user, self.meeting):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.meeting.get_admin_display_title()

    def get_breadcrumbs_items(self) -> list:
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=(self.meeting.pk,)),
                "label": self.meeting.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class ConvocationView(MeetingAdminMixin, FormView):
    """4.1: check the deadline and the draft agenda, then send the convocation or an update."""

    template_name = "meetings/admin/convocation.html"
    form_class = ConvocationForm

    def get_page_title(self) -> str:
        if self.last_convocation is None:
            return str(_("Send the convocation"))
        return str(_("Send an update"))

    @cached_property
    def convocations(self) -> list[Convocation]:
        return list(
            convocation.convocations_of(self.meeting)
            .select_related("sent_by")
            .annotate(
                delivery_count=Count("deliveries"),
                sent_count=Count(
                    "deliveries", filter=Q(deliveries__status=ConvocationDelivery.Status.SENT)
                ),
                failed_count=Count(
                    "deliveries", filter=Q(deliveries__status=ConvocationDelivery.Status.FAILED)
                ),
            )
        )

    @cached_property
    def last_convocation(self) -> Convocation | None:
        return self.convocations[-1] if self.convocations else None

    @cached_property
    def kind(self) -> str:
        return convocation.next_kind(self.meeting, self.last_convocation)

    @cached_property
    def timing(self) -> convocation.ConvocationTiming:
        return convocation.timing_for(self.meeting)

    @property
    def is_late(self) -> bool:
        return self.kind == Convocation.Kind.CONVOCATION and self.timing.is_overdue

    @property
    def next_sequence(self) -> int:
        return 0 if self.last_convocation is None else self.last_convocation.sequence + 1

    def get_form_kwargs(self) -> dict:
        kwargs = super().get_form_kwargs()
        kwargs["is_late"] = self.is_late
        kwargs["initial"] = {"expected_sequence": self.next_sequence}
        return kwargs

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        recipients = participants.invitees(self.meeting)
        failed = []
        if self.last_convocation is not None:
            failed = list(
                self.last_convocation.deliveries.filter(status=ConvocationDelivery.Status.FAILED)
            )
        context.update(
            meeting=self.meeting,
            timing=self.timing,
            kind=self.kind,
            kind_label=Convocation.Kind(self.kind).label,
            is_late=self.is_late,
            reasons=convocation.refusal_reasons(self.meeting, kind=self.kind),
            recipients=recipients[:RECIPIENTS_SHOWN],
            recipient_count=len(recipients),
            convocations=self.convocations,
            failed_deliveries=failed,
            changed_since=convocation.changed_since_last_convocation(self.meeting),
            agenda_items=list(self.meeting.agenda_items.all()),
            action_url=self.request.path,
        )
        return context

    def form_valid(self, form: ConvocationForm) -> HttpResponse:
        try:
            sent = convocation.send_convocation(
                self.meeting,
                sent_by=self.request.user,
                confirm_late=form.cleaned_data.get("confirm_late", False),
                late_reason=form.cleaned_data.get("late_reason", ""),
                expected_sequence=form.cleaned_data["expected_sequence"],
            )
        except convocation.ConvocationRefused as refused:
            messages.error(self.request, str(refused))
            return redirect(self.request.path)
        counts = convocation.delivery_counts(sent)
        recorded = ngettext(
            "%(kind)s recorded for %(total)s person.",
            "%(kind)s recorded for %(total)s people.",
            counts.total,
        ) % {"kind": sent.get_kind_display(), "total": counts.total}
        progress = _("Emails sent: %(sent)s, failed: %(failed)s, waiting: %(pending)s.") % {
            "sent": counts.sent,
            "failed": counts.failed,
            "pending": counts.pending,
        }
        messages.success(self.request, f"{recorded} {progress}")
        return redirect(self.request.path)

    def form_invalid(self, form: ConvocationForm) -> HttpResponse:
        messages.validation_error(
            self.request, _("The convocation was not sent: see the errors below."), form
        )
        return super().form_invalid(form)


class AttendanceView(MeetingAdminMixin, TemplateView):
    """Who comes, in person or online, and who has not answered yet."""

    template_name = "meetings/admin/attendance.html"
    page_title = _("Attendance")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        rows = attendance.attendance_rows(self.meeting)
        context.update(
            meeting=self.meeting,
            rows=rows,
            summary=attendance.attendance_summary(rows),
            csv_url=reverse("meetings_attendance_csv", args=(self.meeting.pk,)),
        )
        return context


def attendance_csv(request: HttpRequest, page_id: int) -> HttpResponse:
    """The attendance list as a spreadsheet (DMR only)."""
    meeting = source_of(get_object_or_404(MeetingPage, pk=page_id))
    if not may_manage_meeting(request.user, meeting):
        raise PermissionDenied
    filename = f"attendance-{meeting.slug}-{timezone.localdate().isoformat()}.csv"
    response = HttpResponse(
        attendance.attendance_csv(attendance.attendance_rows(meeting)),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )
    return access.make_private(response)


# --- 4.4: deciding on suggestions (views of the suggestions' viewset) -----------------


class SuggestionDecisionView(
    generic.PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, FormView
):
    """Accept or decline a pending suggestion; the DMR only (it proposes the agenda, 4.4)."""

    model = AgendaSuggestion
    permission_required = "change"
    header_icon = "help"
    index_url_name = None

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(AgendaSuggestion)

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.suggestion = get_object_or_404(
            AgendaSuggestion.objects.select_related("meeting", "member_state", "suggested_by"),
            pk=kwargs["pk"],
        )
        if not access.is_dmr(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.suggestion.title

    def get_success_url(self) -> str:
        return reverse(self.index_url_name)

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not self.suggestion.is_pending:
            messages.error(request, _("This suggestion has already been decided."))
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["suggestion"] = self.suggestion
        context["action_url"] = self.request.path
        context["cancel_url"] = self.get_success_url()
        return context


class AcceptSuggestionView(SuggestionDecisionView):
    template_name = "meetings/admin/accept_suggestion.html"
    page_title = _("Accept the suggestion")
    form_class = None

    def get_form(self, form_class=None):
        return None

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            published = agenda.accept_suggestion(self.suggestion, decided_by=request.user)
        except agenda.SuggestionRefused as refused:
            messages.error(request, str(refused))
            return redirect(self.get_success_url())
        if published:
            message = _("“%(title)s” was added to the agenda and published.")
        else:
            message = _(
                "“%(title)s” was added to the agenda of the draft: publish the meeting to show it."
            )
        messages.success(
            request,
            message % {"title": self.suggestion.title},
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=(self.suggestion.meeting_id,)),
                    _("Edit the meeting"),
                )
            ],
        )
        return redirect(self.get_success_url())


class DeclineSuggestionView(SuggestionDecisionView):
    template_name = "meetings/admin/decline_suggestion.html"
    page_title = _("Decline the suggestion")
    form_class = DeclineSuggestionForm

    def form_valid(self, form: DeclineSuggestionForm) -> HttpResponse:
        try:
            agenda.decline_suggestion(
                self.suggestion, decided_by=self.request.user, reason=form.cleaned_data["reason"]
            )
        except agenda.SuggestionRefused as refused:
            messages.error(self.request, str(refused))
            return redirect(self.get_success_url())
        messages.success(
            self.request,
            _("“%(title)s” was declined; the Focal Point is told why.")
            % {"title": self.suggestion.title},
        )
        return redirect(self.get_success_url())

    def form_invalid(self, form: DeclineSuggestionForm) -> HttpResponse:
        messages.validation_error(self.request, _("Give a reason for declining."), form)
        return super().form_invalid(form)
