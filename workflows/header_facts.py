"""What the buttons of one page's header ask of the page (the edited page, the explorer's
parent page), read in one query (issue 17).

wagtail-localize's "Translate" and "Sync" buttons, "Withdraw from the public section" and
"Submit the translation to the joint approval" each asked their own query of the same page,
and so did wagtail-localize's questions of the editor (is the page a synced translation,
edited in its own editor; may a translation be restarted or converted back into an alias:
workflows/localize_editor.py).
The answers are kept on the page object; the explorer's rows are asked in the listing's own
query instead (`localize_buttons.annotate`, `withdrawal.is_released`).
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from workflows import localize_buttons
from workflows.models import PublicRelease


@dataclass(frozen=True)
class HeaderFacts:
    has_locale_to_translate_to: bool
    synced_source_id: int | None
    is_released: bool  # the page, or a translation, is public through a release
    is_translation: bool  # wagtail-localize translates it from another language
    has_disabled_translation: bool  # a translation of it that was stopped (may restart)
    # Its translation's source locale has another page of it (wagtail-localize's "convert
    # back to alias" condition, before the page's own `alias_of_id`).
    has_source_page: bool


def of(page: Page) -> HeaderFacts:
    if not hasattr(page, "_nfp_header_facts"):
        read_with(page)
    return page._nfp_header_facts


def read_with(page: Page, **also) -> dict:
    """Reads the page's facts (kept on the page for `of`) and, in the same query, the
    annotations `also` of the page's row, whose values it returns."""
    released = PublicRelease.objects.filter(
        page__translation_key=OuterRef("translation_key"), withdrawn_at=None
    )
    translations = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    )
    source_locales = TranslationSource.objects.filter(
        object_id=OuterRef(OuterRef("translation_key")),
        specific_content_type=OuterRef(OuterRef("content_type_id")),
        translations__target_locale=OuterRef(OuterRef("locale_id")),
    ).values("locale_id")
    source_pages = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id__in=source_locales
    ).exclude(pk=OuterRef("pk"))
    row = (
        localize_buttons.annotate(Page.objects.filter(pk=page.pk))
        .annotate(
            **also,
            released=Exists(released),
            is_translation=Exists(translations.filter(enabled=True)),
            has_disabled_translation=Exists(translations.filter(enabled=False)),
            has_source_page=Exists(source_pages),
        )
        .values(
            localize_buttons.UNTRANSLATED,
            localize_buttons.SYNCED_SOURCE,
            "released",
            "is_translation",
            "has_disabled_translation",
            "has_source_page",
            *also,
        )
        .first()
        or {}
    )
    page._nfp_header_facts = HeaderFacts(
        has_locale_to_translate_to=bool(row.get(localize_buttons.UNTRANSLATED)),
        synced_source_id=row.get(localize_buttons.SYNCED_SOURCE),
        is_released=bool(row.get("released")),
        is_translation=bool(row.get("is_translation")),
        has_disabled_translation=bool(row.get("has_disabled_translation")),
        has_source_page=bool(row.get("has_source_page")),
    )
    return {name: row.get(name) for name in also}
