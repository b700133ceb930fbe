from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = _("Public DMR section")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home import navigation, signals

        signals.connect()

        # The headers' section lists are cached: any change to the page tree clears them.
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ):
            signal.connect(navigation.forget_sections, dispatch_uid=f"nfp_sections_{name}")
        post_delete.connect(
            navigation.forget_sections, sender=Page, dispatch_uid="nfp_sections_deleted"
        )
