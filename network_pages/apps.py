from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkPagesConfig(AppConfig):
    name = "network_pages"
    label = "network_pages"
    verbose_name = _("Network area")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from wagtail.documents.models import document_served

        from network_pages import (  # noqa: F401 - the checks register themselves
            audit,
            checks,
            demo_accounts_check,
            revocation,
        )
        from network_pages.security import record_login_time

        user_logged_in.connect(record_login_time, dispatch_uid="nfp_record_login_time")
        user_logged_in.connect(audit.on_user_logged_in, dispatch_uid="nfp_audit_sign_in")
        user_login_failed.connect(audit.on_user_login_failed, dispatch_uid="nfp_audit_refused")
        document_served.connect(audit.on_document_served, dispatch_uid="nfp_audit_download")
        revocation.connect()
