"""Accepting an invitation: a single-use link to set one's password, then enrol."""

from django.contrib import auth
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView

from network_pages.models import Invitation, MemberProfile

from .forms import InvitationPasswordForm
from .mixins import PrivateViewMixin

MAX_TOKEN_LENGTH = 128
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def find_invitation(token: str) -> Invitation | None:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return Invitation.find(token)


@method_decorator(sensitive_post_parameters("new_password1", "new_password2"), name="dispatch")
class InvitationView(PrivateViewMixin, TemplateView):
    template_name = "network_pages/accounts/invitation.html"
    unusable_template_name = "network_pages/accounts/invitation_unusable.html"

    def setup(self, request: HttpRequest, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.invitation = find_invitation(kwargs.get("token", ""))

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        if self.invitation is None or not self.is_usable(self.invitation):
            return self.unusable(request, self.invitation)
        return None

    @staticmethod
    def is_usable(invitation: Invitation) -> bool:
        """A link is never a way back into an account the DMR deactivated (issue 13)."""
        profile = MemberProfile.objects.filter(user=invitation.user).first()
        account_open = invitation.user.is_active and (profile is None or profile.is_active)
        return invitation.is_usable and account_open

    def unusable(self, request: HttpRequest, invitation: Invitation | None) -> HttpResponse:
        """Unknown links are 404 Not Found; used or expired ones are 410 Gone."""
        if invitation is None:
            reason, status = "unknown", 404
        elif invitation.is_used:
            reason, status = "used", 410
        else:
            reason, status = "expired", 410
        return render(request, self.unusable_template_name, {"reason": reason}, status=status)

    def get_context_data(self, **kwargs) -> dict:
        kwargs.setdefault("form", InvitationPasswordForm(self.invitation.user))
        return super().get_context_data(invited_user=self.invitation.user, **kwargs)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = InvitationPasswordForm(self.invitation.user, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            # Locked, and checked again: a double submit cannot use the link twice.
            invitation = Invitation.objects.select_for_update().get(pk=self.invitation.pk)
            if not self.is_usable(invitation):
                return self.unusable(request, invitation)
            user = invitation.user
            user.set_password(form.cleaned_data["new_password1"])
            user.save(update_fields=["password"])
            # Every other link sent to this person dies with this one: an old email found
            # later must not let anyone choose the password again.
            Invitation.objects.filter(user=user, used_at__isnull=True).update(
                used_at=timezone.now()
            )
        auth.login(request, user, backend=MODEL_BACKEND)
        return redirect("accounts:enrol")
