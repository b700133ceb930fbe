"""Signing in (password, then a one-time password) and signing out."""

import django_otp
from django.contrib import auth, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView

from network_pages import access, audit

from . import devices, navigation
from .forms import AuthenticatorCodeForm, BackupCodeForm, LoginForm, add_code_error
from .mixins import PrivateViewMixin

AUTHENTICATOR_PREFIX = "totp"
BACKUP_PREFIX = "backup"


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class LoginView(PrivateViewMixin, FormView):
    """Step one: username and password, limited per account and per address."""

    template_name = "network_pages/accounts/login.html"
    form_class = LoginForm

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "request": self.request}

    def get_context_data(self, **kwargs) -> dict:
        return {
            **super().get_context_data(**kwargs),
            "already_verified": access.is_verified(self.request.user),
        }

    def form_valid(self, form: LoginForm) -> HttpResponse:
        user = form.user
        auth.login(self.request, user)  # a new session key; a new session for a new user
        next_url = navigation.requested_next(self.request)
        step = "accounts:verify" if devices.has_authenticator(user) else "accounts:enrol"
        return HttpResponseRedirect(navigation.with_next(reverse(step), next_url))

    def form_invalid(self, form: LoginForm) -> HttpResponse:
        status = 429 if form.rate_limited else 200
        return self.render_to_response(self.get_context_data(form=form), status=status)


@method_decorator(sensitive_post_parameters("totp-code", "backup-code"), name="dispatch")
class VerifyView(PrivateViewMixin, TemplateView):
    """Step two: a code from the authenticator app, or one of the backup codes."""

    template_name = "network_pages/accounts/verify.html"

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        next_url = navigation.requested_next(request)
        if not request.user.is_authenticated:
            return redirect(navigation.with_next(reverse("accounts:login"), next_url))
        if access.is_verified(request.user):
            return redirect(navigation.destination(request))
        if not devices.has_authenticator(request.user):
            return redirect(navigation.with_next(reverse("accounts:enrol"), next_url))
        return None

    def get_context_data(self, **kwargs) -> dict:
        kwargs.setdefault("authenticator_form", AuthenticatorCodeForm(prefix=AUTHENTICATOR_PREFIX))
        kwargs.setdefault("backup_form", BackupCodeForm(prefix=BACKUP_PREFIX))
        return super().get_context_data(**kwargs)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if f"{BACKUP_PREFIX}-code" in request.POST:
            form = BackupCodeForm(request.POST, prefix=BACKUP_PREFIX)
            device = devices.backup_device_of(user)
            form_name = "backup_form"
        else:
            form = AuthenticatorCodeForm(request.POST, prefix=AUTHENTICATOR_PREFIX)
            device = devices.authenticator_of(user)
            form_name = "authenticator_form"
        if form.is_valid():
            check = devices.check_code(device, form.cleaned_data["code"])
            kind = "backup code" if form_name == "backup_form" else "authenticator"
            if check.outcome is devices.Outcome.ACCEPTED:
                audit.record(audit.CODE_ACCEPTED, user, request, kind=kind)
                django_otp.login(request, check.device)
                request.session.cycle_key()
                response = redirect(navigation.destination_after_sign_in(request))
                return navigation.remember_language(response, user)
            audit.record(audit.CODE_REFUSED, user, request, kind=kind, outcome=check.outcome.value)
            add_code_error(form, check)
        return self.render_to_response(self.get_context_data(**{form_name: form}))


class LogoutView(PrivateViewMixin, View):
    """Sign out of this browser (POST only), back to the public home page."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        auth.logout(request)
        messages.success(request, _("You have signed out."))
        return redirect(f"/{get_language()}/")
