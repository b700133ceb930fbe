"""Setting up an authenticator app: scan a QR code, confirm with a code, keep backup codes."""

from base64 import b32encode
from textwrap import wrap

import django_otp
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView

from network_pages import access, audit

from . import devices, navigation, qr
from .forms import AuthenticatorCodeForm, add_code_error
from .mixins import SignedInRequiredMixin


def readable_key(device) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    return " ".join(wrap(b32encode(device.bin_key).decode("ascii"), 4))


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class EnrolView(SignedInRequiredMixin, TemplateView):
    """A member without an authenticator sets one up after the password step.

    A member who already has one may replace it, but only from a verified session:
    otherwise a password alone would be enough to add a second factor of one's choosing.
    """

    template_name = "network_pages/accounts/enrol.html"
    done_template_name = "network_pages/accounts/enrol_done.html"

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is None and not access.is_verified(request.user):
            if devices.has_authenticator(request.user):
                return access.refusal(request, access.Verdict.VERIFY)
        return refused

    def get_context_data(self, **kwargs) -> dict:
        device = devices.pending_authenticator(self.request.user)
        kwargs.setdefault("form", AuthenticatorCodeForm())
        return super().get_context_data(
            qr_svg=qr.svg_for(device.config_url),
            setup_key=readable_key(device),
            replacing=devices.has_authenticator(self.request.user),
            **kwargs,
        )

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = AuthenticatorCodeForm(request.POST)
        if form.is_valid():
            device = devices.pending_authenticator(request.user)
            check = devices.check_code(device, form.cleaned_data["code"])
            if check.outcome is devices.Outcome.ACCEPTED:
                codes = devices.confirm_authenticator(check.device)
                audit.record(audit.AUTHENTICATOR_ENROLLED, request.user, request)
                django_otp.login(request, check.device)
                request.session.cycle_key()
                # The codes are shown on this response only: it is never stored (no-store)
                # and they are not kept anywhere else but in django-otp's token table.
                response = render(
                    request,
                    self.done_template_name,
                    {"codes": codes, "continue_url": navigation.destination_after_sign_in(request)},
                )
                return navigation.remember_language(response, request.user)
            add_code_error(form, check)
        return self.render_to_response(self.get_context_data(form=form))
