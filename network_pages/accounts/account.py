"""The member's own account: contact details, second factors, signing out everywhere."""

from django.contrib import auth, messages
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView

from network_pages import audit, revocation
from network_pages.models import MemberProfile

from . import devices
from .forms import ConfirmPasswordForm, ContactDetailsForm, EmailChangeForm, NameForm
from .mixins import VerifiedRequiredMixin


def profile_of(user) -> MemberProfile | None:
    """The member's profile; accounts without one (e.g. staff) simply have none here."""
    try:
        return user.member_profile
    except ObjectDoesNotExist:
        return None


class AccountView(VerifiedRequiredMixin, TemplateView):
    template_name = "network_pages/accounts/account.html"

    def get_context_data(self, **kwargs) -> dict:
        user = self.request.user
        profile = profile_of(user)
        kwargs.setdefault("name_form", NameForm(instance=user))
        if profile is not None:
            kwargs.setdefault("contact_form", ContactDetailsForm(instance=profile))
        kwargs.setdefault("email_form", EmailChangeForm(self.request))
        kwargs.setdefault("sign_out_form", ConfirmPasswordForm(self.request))
        return super().get_context_data(
            profile=profile,
            authenticators=[
                (device, devices.display_name(device)) for device in devices.authenticators_of(user)
            ],
            backup_codes_left=devices.backup_codes_left(user),
            **kwargs,
        )

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """Save the contact details."""
        user = request.user
        profile = profile_of(user)
        name_form = NameForm(request.POST, instance=user)
        contact_form = (
            ContactDetailsForm(request.POST, instance=profile) if profile is not None else None
        )
        forms = [form for form in (name_form, contact_form) if form is not None]
        if not all(form.is_valid() for form in forms):
            context = {"name_form": name_form}
            if contact_form is not None:
                context["contact_form"] = contact_form
            return self.render_to_response(self.get_context_data(**context), status=400)
        with transaction.atomic():
            for form in forms:
                form.save()
        messages.success(request, _("Your contact details have been saved."))
        return redirect("accounts:account")


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class SignOutEverywhereView(AccountView):
    """Ends every session of the member, in every browser, this one included.

    Hashing the same password again gives it a new salt, so the session hash Django keeps
    in each session no longer matches and every other session is dropped on its next
    request: no session table to scan, no extra cost per request.
    """

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = ConfirmPasswordForm(request, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(sign_out_form=form), status=400)
        user = request.user
        user.set_password(form.cleaned_data["password"])
        user.save(update_fields=["password"])
        # Links that stand for the member without a session stop working too.
        revocation.revoke_links(user)
        audit.record(audit.SIGNED_OUT_EVERYWHERE, user, request)
        auth.logout(request)
        messages.success(
            request, _("You have been signed out everywhere. Sign in again to continue.")
        )
        return redirect(reverse("accounts:login"))
