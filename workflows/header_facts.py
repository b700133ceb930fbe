"""What the buttons of one page's header ask of the page (the edited page, the explorer's
parent page), read in one query (issue 17).

wagtail-localize's "Translate" and "Sync" buttons, "Withdraw from the public section" and
"Submit the translation to the joint approval" each asked their own query of the same page.
The answers are kept on the page object; the explorer's rows are asked in the listing's own
query instead (`localize_buttons.annotate`, `withdrawal.is_released`).
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from wagtail.models import Page
from wagtail_localize.models import Translation

from workflows import localize_buttons
from workflows.models import PublicRelease


@dataclass(frozen=True)
class HeaderFacts:
    has_locale_to_translate_to: bool
    synced_source_id: int | None
    is_released: bool  # the page, or a translation, is public through a release
    is_translation: bool  # wagtail-localize translates it from another language


def of(page: Page) -> HeaderFacts:
    if not hasattr(page, "_nfp_header_facts"):
        released = PublicRelease.objects.filter(
            page__translation_key=OuterRef("translation_key"), withdrawn_at=None
        )
        translation = Translation.objects.filter(
            source__object_id=OuterRef("translation_key"),
            target_locale_id=OuterRef("locale_id"),
            enabled=True,
        )
        row = (
            localize_buttons.annotate(Page.objects.filter(pk=page.pk))
            .annotate(released=Exists(released), is_translation=Exists(translation))
            .values(
                localize_buttons.UNTRANSLATED,
                localize_buttons.SYNCED_SOURCE,
                "released",
                "is_translation",
            )
            .first()
            or {}
        )
        page._nfp_header_facts = HeaderFacts(
            has_locale_to_translate_to=bool(row.get(localize_buttons.UNTRANSLATED)),
            synced_source_id=row.get(localize_buttons.SYNCED_SOURCE),
            is_released=bool(row.get("released")),
            is_translation=bool(row.get("is_translation")),
        )
    return page._nfp_header_facts
