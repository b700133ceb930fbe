"""wagtail-localize's "Translate this page" and "Sync translated pages" buttons, read once
for the whole page explorer listing (issue 17).

wagtail-localize decides both buttons page by page (`page_listing_more_buttons`, for the
listing's rows and the page header): whether a locale has no translation of the page yet,
then the page's translation source and whether it has an enabled translation: four queries
a page. The explorer's rows are asked those questions in its own query instead
(`annotate`, from `construct_explorer_page_queryset`); any other page (a page header, the
page search's rows) in one query. Same buttons, same rules: `submit_translation`
permission, not the root, aliases are not translations.
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

from nfp_site.page_route_urls import page_route_url

HOOKS = ("register_page_listing_more_buttons", "register_page_header_buttons")
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


def _answers(page: Page) -> tuple[bool, int | None]:
    """`annotate`'s answers: from the listing's query, else with the page header's other
    questions (`header_facts`), in one query for this page."""
    if not hasattr(page, UNTRANSLATED):
        from workflows import header_facts  # it builds on `annotate`

        facts = header_facts.of(page)
        setattr(page, UNTRANSLATED, facts.has_locale_to_translate_to)
        setattr(page, SYNCED_SOURCE, facts.synced_source_id)
    return getattr(page, UNTRANSLATED), getattr(page, SYNCED_SOURCE)


def translation_buttons(page: Page, user, view_name=None, next_url=None):
    """wagtail-localize's buttons (`page_listing_more_buttons`), from `_answers`."""
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    untranslated, source_id = _answers(page)
    if untranslated:
        yield ListingButton(
            gettext(TRANSLATE),
            page_route_url("wagtail_localize:submit_page_translation", page.alias_of_id or page.id),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    if source_id is not None:
        url = page_route_url("wagtail_localize:update_translations", source_id)
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(gettext(SYNC), url, priority=60, icon_name="resubmit")


def replace_localize_buttons() -> None:
    """wagtail-localize's function out of the listing and header hooks, ours in.

    Wagtail has no way to unregister a hook: its registry is edited here, once, while the
    hooks load (this module imports wagtail-localize's hooks first, so that its function is
    registered to be taken out)."""
    original = localize_hooks.page_listing_more_buttons
    for hook_name in HOOKS:
        registered = hooks._hooks.get(hook_name, [])
        registered[:] = [(fn, order) for fn, order in registered if fn is not original]
        hooks.register(hook_name, translation_buttons)
