"""Changing one's email address (issue 16): one address per person, changed only when the
new address confirms it.

The member asks on the account page (with their current password, in a session past the
second factor); a link goes to the new address through the outbox. Opening it shows the
change with a button (so that a mail scanner following the link changes nothing); the
button, in a verified session of the same account, changes the address and tells the old
address. The DMR may also change it in the admin (member profile or user editor), which is
audited and tells the old address the same way (`network_pages.admin.account_email`).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView

from network_pages import audit, windowed_counts
from nfp_site.operations import outbox

from . import email_tokens
from .account import AccountView
from .forms import EmailChangeForm, address_in_use
from .mixins import VerifiedRequiredMixin

User = get_user_model()

LINKS_PER_HOUR = 3
PURPOSE = "accounts.email_change"


def _sent_key(user) -> str:
    return f"nfp:email-change-links:{user.pk}"


def may_send_another_link(user) -> bool:
    return windowed_counts.count(_sent_key(user)) < LINKS_PER_HOUR


def count_link_sent(user) -> None:
    windowed_counts.add_one(_sent_key(user), 3600)


def _subject(template: str, context: dict) -> str:
    return " ".join(render_to_string(template, context).split())


def _context(user, **extra) -> dict:
    return {
        "name": user.get_full_name() or user.get_username(),
        "site_name": _("Network of Focal Points on Migration"),
        **extra,
    }


def send_confirmation_link(user, new_email: str) -> None:
    """The link to confirm `new_email`, to that address, in the interface's language."""
    token = email_tokens.make_token(user, new_email)
    path = reverse("accounts:email_confirm", kwargs={"token": token})
    context = _context(
        user,
        url=f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}",
        hours=int(email_tokens.LIFETIME.total_seconds() // 3600),
    )
    message = EmailMessage(
        subject=_subject("network_pages/emails/email_change_subject.txt", context),
        body=render_to_string("network_pages/emails/email_change.txt", context),
        to=[new_email],
    )
    outbox.queue(message, purpose=PURPOSE)


def send_change_notice(user, old_email: str, new_email: str, *, by_secretariat=False) -> None:
    """Tells the old address that the account's address changed, and to whom to turn."""
    context = _context(user, new_email=new_email, by_secretariat=by_secretariat)
    message = EmailMessage(
        subject=_subject("network_pages/emails/email_changed_subject.txt", context),
        body=render_to_string("network_pages/emails/email_changed.txt", context),
        to=[old_email],
    )
    outbox.queue(message, purpose=PURPOSE)


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class EmailChangeView(AccountView):
    """Sends the confirmation link; the account page shows the form and its errors."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = EmailChangeForm(request, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(email_form=form), status=400)
        user = request.user
        if not may_send_another_link(user):
            form.add_error(
                None,
                _(
                    "You have asked for several confirmation links in the last hour. Use the "
                    "last one we sent, or try again in an hour."
                ),
            )
            return self.render_to_response(self.get_context_data(email_form=form), status=429)
        new_email = form.cleaned_data["new_email"]
        send_confirmation_link(user, new_email)
        count_link_sent(user)
        messages.success(
            request,
            _(
                "We have sent a link to %(email)s. Your email address changes when you open "
                "it, within 24 hours."
            )
            % {"email": new_email},
        )
        return redirect("accounts:account")


class EmailConfirmView(VerifiedRequiredMixin, TemplateView):
    """Shows the change the link asks for; the button makes it."""

    template_name = "network_pages/accounts/email_confirm.html"

    def refused(self, problem: email_tokens.Problem, status: int) -> HttpResponse:
        """The page says why the link does not work: a normal answer to opening it (200),
        a failed request when its button was pressed (400)."""
        message = {
            email_tokens.Problem.INVALID: _(
                "This link is not valid for the account you are signed in with. Check that you "
                "opened the whole link from the latest message, signed in as yourself."
            ),
            email_tokens.Problem.EXPIRED: _(
                "This link has expired. Ask for a new one from your account page."
            ),
            email_tokens.Problem.SUPERSEDED: _(
                "This link no longer works: it has been used, or your password or email address "
                "has changed since it was sent. Ask for a new one from your account page if "
                "needed."
            ),
        }[problem]
        return self.render_to_response({"refusal": message}, status=status)

    def get(self, request: HttpRequest, *args, token: str, **kwargs) -> HttpResponse:
        try:
            change = email_tokens.read_token(token, request.user)
        except email_tokens.TokenRefused as refused:
            return self.refused(refused.problem, status=200)
        return self.render_to_response({"new_email": change.new_email})

    def post(self, request: HttpRequest, *args, token: str, **kwargs) -> HttpResponse:
        with transaction.atomic():
            # Locked, so that two clicks cannot both pass the single-use check.
            user = User._default_manager.select_for_update().get(pk=request.user.pk)
            try:
                change = email_tokens.read_token(token, user)
            except email_tokens.TokenRefused as refused:
                return self.refused(refused.problem, status=400)
            if address_in_use(change.new_email, user):
                return self.render_to_response(
                    {
                        "refusal": _(
                            "Another account has started to use this email address since the "
                            "link was sent. Choose another one from your account page."
                        )
                    },
                    status=400,
                )
            old_email = user.email
            user.email = change.new_email
            user.save(update_fields=["email"])
            audit.record(audit.EMAIL_CHANGED, user, request)
            if old_email:
                send_change_notice(user, old_email, change.new_email)
        messages.success(
            request,
            _("Your email address is now %(email)s.") % {"email": change.new_email},
        )
        return redirect("accounts:account")
