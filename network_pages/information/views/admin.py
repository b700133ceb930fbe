"""The DMR's admin view of one request (4.9): every state's status, reminders to the
states that have not submitted, and reopening a state's response after the deadline."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.ui.menus.pages import PageMenuItem

from network_pages import access, network_area

from .. import announcements, rules
from ..forms import ReopenForm
from ..models.reminder_log import ReminderLog
from ..models.request_page import InformationRequestPage
from ..models.response import Response
from ..overview import build_overview

URL_NAME = "information_request_responses"


class RequestResponsesMenuItem(PageMenuItem):
    label = _("Responses and reminders")
    icon_name = "list-ul"
    url_name = URL_NAME
    priority = 25

    def is_shown(self, user) -> bool:
        return access.is_dmr(user)


class RequestResponsesView(View):
    template_name = "information/admin/request_responses.html"

    def dispatch(self, request: HttpRequest, page_id: int, *args, **kwargs) -> HttpResponse:
        if not access.is_dmr(request.user):
            raise PermissionDenied
        page = get_object_or_404(InformationRequestPage, pk=page_id)
        self.request_page = network_area.source_of(page)
        return super().dispatch(request, page_id, *args, **kwargs)

    def _back(self) -> HttpResponse:
        return redirect(reverse(URL_NAME, args=[self.request_page.pk]))

    def get(self, request: HttpRequest, page_id: int, reopen_form=None) -> HttpResponse:
        page = self.request_page
        overview = build_overview(page)
        last_reminders = {}
        for reminder in ReminderLog.objects.filter(request=page).order_by("sent_at"):
            last_reminders[reminder.member_state_id] = reminder
        for row in overview.rows:
            row.last_reminder = last_reminders.get(row.state.pk)
        context = {
            "page_title": gettext("Responses to “%(title)s”") % {"title": page.title},
            "header_icon": "list-ul",
            "request_page": page,
            "overview": overview,
            "may_reopen": page.status == "open" and rules.today() > page.deadline,
            "reminder_count": len(announcements.states_without_submission(page)),
            "reopen_form": reopen_form or ReopenForm(),
        }
        return TemplateResponse(request, self.template_name, context)

    def post(self, request: HttpRequest, page_id: int) -> HttpResponse:
        if request.POST.get("action") == "remind":
            return self._remind(request)
        if request.POST.get("action") == "reopen":
            return self._reopen(request)
        return self._back()

    def _remind(self, request: HttpRequest) -> HttpResponse:
        page = self.request_page
        if page.status != "open" or not page.live:
            messages.error(request, gettext("Reminders are sent for open, published requests."))
            return self._back()
        with transaction.atomic():
            reminded = announcements.remind(
                page,
                announcements.states_without_submission(page),
                kind=ReminderLog.Kind.MANUAL,
                sent_by=request.user,
            )
        if reminded:
            messages.success(
                request,
                ngettext(
                    "A reminder is on its way to %(count)d member state.",
                    "A reminder is on its way to %(count)d member states.",
                    len(reminded),
                )
                % {"count": len(reminded)},
            )
        else:
            messages.info(
                request,
                gettext("No reminder was sent: every state that has not submitted got one today."),
            )
        return self._back()

    def _reopen(self, request: HttpRequest) -> HttpResponse:
        page = self.request_page
        form = ReopenForm(request.POST)
        if not (page.status == "open" and rules.today() > page.deadline):
            messages.error(
                request,
                gettext("Responses are reopened after the deadline of an open request."),
            )
            return self._back()
        if not form.is_valid():
            messages.error(request, " ".join(form.errors.get("until", [])) or gettext("Error"))
            return self.get(request, page.pk, reopen_form=form)
        state = form.cleaned_data["state"]
        with transaction.atomic():
            response, _ = Response.objects.select_for_update().get_or_create(
                request=page, member_state=state, defaults={"language": page.language}
            )
            response.reopened_until = form.cleaned_data["until"]
            response.reopened_by = request.user
            response.save(update_fields=["reopened_until", "reopened_by", "updated_at"])
        messages.success(
            request,
            gettext("The response of %(state)s can be edited until %(date)s.")
            % {"state": state.name, "date": form.cleaned_data["until"].isoformat()},
        )
        return self._back()
