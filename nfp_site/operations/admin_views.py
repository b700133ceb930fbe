"""The DMR's view of the outbox: every outgoing email and its outcome, and "send again"
for one that failed. Only the subject, the addresses and the error are shown; the body
stays in the database."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic

from . import outbox
from .models import OutboundEmail

RESEND_PERMISSION = "operations.resend_outboundemail"


def may_resend(user) -> bool:
    return user.has_perm(RESEND_PERMISSION)


class OutboundEmailIndexView(generic.IndexView):
    send_again_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == OutboundEmail.Status.FAILED and may_resend(self.request.user):
            buttons.append(
                MenuItem(
                    _("Send again"),
                    url=reverse(self.send_again_url_name, args=(instance.pk,)),
                    icon_name="mail",
                    priority=5,
                )
            )
        return buttons


class SendAgainView(generic.WagtailAdminTemplateMixin, TemplateView):
    template_name = "operations/admin/send_again.html"
    page_title = _("Send the email again")
    header_icon = "mail"
    index_url_name = None

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_resend(request.user):
            raise PermissionDenied
        self.email = get_object_or_404(OutboundEmail, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return self.email.subject

    def get_success_url(self) -> str:
        return reverse(self.index_url_name)

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.email.status != OutboundEmail.Status.FAILED:
            messages.error(request, _("Only an email that failed can be sent again."))
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.email.status != OutboundEmail.Status.FAILED:
            messages.error(request, _("Only an email that failed can be sent again."))
        else:
            outbox.send_again(self.email)
            messages.success(
                request,
                _("“%(subject)s” is back in the queue for %(recipients)s.")
                % {"subject": self.email.subject, "recipients": self.email.recipients},
            )
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["email"] = self.email
        context["action_url"] = self.request.path
        context["cancel_url"] = self.get_success_url()
        return context
