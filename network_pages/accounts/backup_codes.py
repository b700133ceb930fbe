"""Backup codes: how many are left, and a fresh set that replaces them all."""

from django.http import HttpRequest, HttpResponse
from django.views.generic import TemplateView

from network_pages import audit
from network_pages.accounts.devices import replace_backup_codes

from . import devices
from .mixins import VerifiedRequiredMixin


class BackupCodesView(VerifiedRequiredMixin, TemplateView):
    template_name = "network_pages/accounts/backup_codes.html"

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            codes_left=devices.backup_codes_left(self.request.user), **kwargs
        )

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        codes = replace_backup_codes(request.user)  # the old codes stop working
        audit.record(audit.BACKUP_CODES_REPLACED, request.user, request)
        return self.render_to_response(self.get_context_data(codes=codes))
