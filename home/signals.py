"""Signal receivers, connected in `apps.HomeConfig.ready`: what the public section caches is
forgotten whenever what it shows may have changed."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from home import public_pages


def restrictions_changed(sender, **kwargs) -> None:
    public_pages.forget_restricted_roots()


def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        public_pages.forget_restricted_roots()


def connect() -> None:
    post_save.connect(
        restrictions_changed, sender=PageViewRestriction, dispatch_uid="nfp_restriction_saved"
    )
    post_delete.connect(
        restrictions_changed, sender=PageViewRestriction, dispatch_uid="nfp_restriction_deleted"
    )
    # A move changes the paths of the pages moved (and of the restricted roots among them).
    post_page_move.connect(restrictions_changed, dispatch_uid="nfp_restricted_roots_move")
    post_delete.connect(page_deleted, dispatch_uid="nfp_restricted_roots_page_deleted")
