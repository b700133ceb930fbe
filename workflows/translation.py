"""The translation hand-off (3.3): a public page gets a draft in every other official language.

The drafts are made by wagtail-localize and stay unpublished until a translator completes
and publishes them in its editor (`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`).
The source may be in any content language.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail.log_actions import log
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from workflows import log_actions
from workflows.models import PublicRelease


def other_locales(page: Page) -> list[Locale]:
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return list(Locale.objects.filter(language_code__in=codes).exclude(pk=page.locale_id))


@transaction.atomic
def request_translations(page: Page) -> list[Page]:
    """Draft translations of `page` (as now published) into the other official languages
    it has none in yet; existing translations are the translators' to update."""
    page = page.specific
    missing = [locale for locale in other_locales(page) if not page.has_translation(locale)]
    if not missing:
        return []
    source, _created = TranslationSource.update_or_create_from_instance(page)
    drafts = []
    for locale in missing:
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.save_target(user=None, publish=False)
        drafts.append(translation.get_target_instance())
    if drafts:
        log(
            instance=page,
            action=log_actions.TRANSLATIONS_REQUESTED,
            data={"languages": [draft.locale.get_display_name() for draft in drafts]},
        )
    return drafts


def translations_waiting(page: Page) -> list[Page]:
    """The page's translations that are not live yet."""
    return list(page.get_translations().filter(live=False).select_related("locale"))


def releases_waiting_for_translation():
    """Live public releases with a translation into another official language not live yet
    (the DMR's report, and the DMR's "what needs doing")."""
    live_translations = (
        Page.objects.filter(translation_key=OuterRef("page__translation_key"), live=True)
        .exclude(pk=OuterRef("page_id"))
        .order_by()
        .values("translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    other_languages = max(Locale.objects.count() - 1, 0)
    return (
        PublicRelease.objects.filter(withdrawn_at=None, page__live=True)
        .annotate(
            live_translations=Coalesce(Subquery(live_translations, output_field=IntegerField()), 0)
        )
        .filter(live_translations__lt=other_languages)
        .select_related("page__locale")
        .order_by("-released_at", "-pk")
    )
