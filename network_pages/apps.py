from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkPagesConfig(AppConfig):
    name = "network_pages"
    label = "network_pages"
    verbose_name = _("Network area")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.documents.models import document_served
        from wagtail.models import PageViewRestriction
        from wagtail.signals import post_page_move

        from network_pages import (  # noqa: F401 - the checks register themselves
            access,
            audit,
            checks,
            demo_accounts_check,
            network_area,
            revocation,
        )
        from network_pages.models import NetworkHomePage
        from network_pages.security import record_login_time

        user_logged_in.connect(record_login_time, dispatch_uid="nfp_record_login_time")
        user_logged_in.connect(audit.on_user_logged_in, dispatch_uid="nfp_audit_sign_in")
        user_login_failed.connect(audit.on_user_login_failed, dispatch_uid="nfp_audit_refused")
        document_served.connect(audit.on_document_served, dispatch_uid="nfp_audit_download")
        # The network roots' paths are kept in the cache (network_area.is_in_network_area).
        for signal in (post_save, post_delete):
            signal.connect(
                network_area.network_roots_changed,
                sender=NetworkHomePage,
                dispatch_uid=f"nfp_network_roots_{id(signal)}",
            )
        post_page_move.connect(
            network_area.network_roots_changed, dispatch_uid="nfp_network_roots_move"
        )
        # A restriction changed or a page moved in a request: what it read of the
        # restrictions is read again (access.restrictions_read_once).
        for signal in (post_save, post_delete):
            signal.connect(
                access.restrictions_changed,
                sender=PageViewRestriction,
                dispatch_uid=f"nfp_restrictions_read_{id(signal)}",
            )
        m2m_changed.connect(
            access.restrictions_changed,
            sender=PageViewRestriction.groups.through,
            dispatch_uid="nfp_restrictions_read_groups",
        )
        post_page_move.connect(access.restrictions_changed, dispatch_uid="nfp_restrictions_move")
        revocation.connect()
