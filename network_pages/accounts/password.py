"""Changing one's own password. The session stays signed in and verified (the second factor
is not asked again); every other session of the member ends, as after "sign out
everywhere" (Django drops sessions whose password hash no longer matches)."""

from django.contrib import auth, messages
from django.contrib.auth.forms import PasswordChangeForm
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView

from network_pages import audit

from .mixins import VerifiedRequiredMixin


@method_decorator(
    sensitive_post_parameters("old_password", "new_password1", "new_password2"), name="dispatch"
)
class PasswordChangeView(VerifiedRequiredMixin, FormView):
    template_name = "network_pages/accounts/password_change.html"
    form_class = PasswordChangeForm

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = form.save()
        # Keeps this session, and the verified device recorded in it, with the new hash.
        auth.update_session_auth_hash(self.request, user)
        audit.record(audit.PASSWORD_CHANGED, user, self.request)
        messages.success(
            self.request,
            _("Your password has been changed. Your other sessions have been signed out."),
        )
        return redirect("accounts:account")
