"""wagtail-localize's "Translate this page" and "Sync translated pages" buttons in the page
explorer, read once for the whole listing (issue 17).

wagtail-localize decides both buttons page by page (`page_listing_more_buttons`): whether a
locale has no translation of the page yet, then the page's translation source and whether
it has an enabled translation: four queries a row. The explorer's rows are asked those
questions in its own query instead (`annotate`, from `construct_explorer_page_queryset`),
and `listing_buttons` reads the answers; a page listed without them (the page search, a
report) is answered by wagtail-localize's own function, as before. Same buttons, same
rules: `submit_translation` permission, not the root, aliases are not translations.
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

LISTING_HOOK = "register_page_listing_more_buttons"
# wagtail-localize's words (its catalogue translates them).
TRANSLATE = "Translate this page"
SYNC = "Sync translated pages"
UNTRANSLATED = "_nfp_has_locale_to_translate_to"
SYNCED_SOURCE = "_nfp_synced_source_id"


def annotate(pages: QuerySet) -> QuerySet:
    """Each page with both answers: a locale without a translation (aliases do not count),
    and its translation source in its own locale when one of its translations is enabled."""
    translated_locales = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True
    ).values("locale_id")
    synced_source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        object__content_type=ContentType.objects.get_for_model(Page),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    ).values("pk")[:1]
    return pages.annotate(
        **{
            UNTRANSLATED: Exists(Locale.objects.exclude(id__in=translated_locales)),
            SYNCED_SOURCE: Subquery(synced_source),
        }
    )


def listing_buttons(page: Page, user, view_name=None, next_url=None):
    """wagtail-localize's listing buttons, from `annotate`'s answers when the page has them."""
    if not hasattr(page, UNTRANSLATED):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if getattr(page, UNTRANSLATED):
        yield ListingButton(
            gettext(TRANSLATE),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    source_id = getattr(page, SYNCED_SOURCE)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(gettext(SYNC), url, priority=60, icon_name="resubmit")


def replace_localize_listing_buttons() -> None:
    """wagtail-localize's per-row function out of the listing hook, `listing_buttons` in.

    Wagtail has no way to unregister a hook: its registry is edited here, once, while the
    hooks load (this module imports wagtail-localize's hooks first, so that its function is
    registered to be taken out). Its page header buttons (one page) stay as they are."""
    registered = hooks._hooks.get(LISTING_HOOK, [])
    original = localize_hooks.page_listing_more_buttons
    registered[:] = [(fn, order) for fn, order in registered if fn is not original]
    hooks.register(LISTING_HOOK, listing_buttons)
