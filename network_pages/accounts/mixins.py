"""Who may open an accounts view. Every response of these views is private to its reader."""

from django.http import HttpRequest, HttpResponse

from network_pages import access


class PrivateViewMixin:
    """`Cache-Control: private, no-store` on every response, signed in or not.

    Subclasses say who may come in by overriding `refusal_for`, which returns the
    response for a visitor who may not (a redirect to a sign-in step), or None.
    """

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        access.mark_restricted(request)
        refused = self.refusal_for(request)
        if refused is not None:
            return refused
        return super().dispatch(request, *args, **kwargs)

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        return None


class SignedInRequiredMixin(PrivateViewMixin):
    """Signed in with a password (the one-time password may still be missing)."""

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return access.refusal(request, access.Verdict.SIGN_IN)
        return super().refusal_for(request)


class VerifiedRequiredMixin(SignedInRequiredMixin):
    """Signed in and past the one-time password step."""

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is None and not access.is_verified(request.user):
            return access.refusal(request, access.Verdict.VERIFY)
        return refused
