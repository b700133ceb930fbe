"""Helpers for tests and demo content: a translator's work, done programmatically."""

from collections.abc import Callable

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation


def complete_translation(
    page: Page, locale: Locale, translate: Callable[[str], str], *, user=None
) -> Page:
    """Translate every string of `page` with `translate` and save the translation as a draft,
    as a translator does in wagtail-localize's editor. It goes public only through the joint
    approval (`workflows.translation.submit_translation`)."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translate(segment.string.data),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation.save_target(user=user, publish=False)
    return translation.get_target_instance()
