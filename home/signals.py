"""Signal receivers, connected in `apps.HomeConfig.ready`: what the public section caches
(restricted roots, cached pages, a CDN's copies) is forgotten whenever what it shows may
have changed."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
)

from home import cdn_purge, locales, page_cache, public_pages, site_lookup


def page_published_or_unpublished(sender, instance: Page, **kwargs) -> None:
    page_cache.start_new_generation()
    cdn_purge.purge([instance])


def page_moved(sender, instance: Page, parent_page_before: Page, **kwargs) -> None:
    # A move changes the paths of the pages moved (and of the restricted roots among them).
    public_pages.forget_restricted_roots()
    page_cache.start_new_generation()
    cdn_purge.purge([instance, parent_page_before], subtree=False)


def page_about_to_be_deleted(sender, instance, **kwargs) -> None:
    # Before: once deleted, the page has no URL left to purge.
    if isinstance(instance, Page) and type(instance) is Page:
        cdn_purge.purge([instance])


def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        public_pages.forget_restricted_roots()
        page_cache.start_new_generation()


def restriction_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    public_pages.forget_restricted_roots()
    page_cache.start_new_generation()
    # A page that has just been restricted must leave a CDN at once, with all below it.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        cdn_purge.purge([page], subtree=True)


def site_changed(sender, **kwargs) -> None:
    """A translation, a new locale or a changed site changes links on every page."""
    page_cache.start_new_generation()
    if sender is Locale:
        locales.forget()
    if sender is Site:
        site_lookup.forget_sites()


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(page_published_or_unpublished, dispatch_uid=f"nfp_public_{id(signal)}")
    post_page_move.connect(page_moved, dispatch_uid="nfp_public_page_moved")
    pre_delete.connect(page_about_to_be_deleted, dispatch_uid="nfp_public_page_deleting")
    post_delete.connect(page_deleted, dispatch_uid="nfp_public_page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"nfp_public_restriction_{id(signal)}",
        )
        for model in (Site, Locale):
            signal.connect(
                site_changed, sender=model, dispatch_uid=f"nfp_public_{model.__name__}_{id(signal)}"
            )
    copy_for_translation_done.connect(site_changed, dispatch_uid="nfp_public_translation")
