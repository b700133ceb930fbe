"""The network area's own pages in French (issue 15): real translations, not English aliases.

`setup_site` creates the area's sections in English (network home, directory, meetings,
information requests, information, thematic groups, rapporteurs, working methods) and mirrors
them into French as aliases, which show the English title and intro. Here each French alias
of a section becomes a real French page with a French title and introduction (and, for the
working methods, the French text of the clauses), keeping its slug, its place and therefore
the French network root's own members-only restriction. Content written by members stays
one page, aliased, in the language it was written in (4.6).

Sections already translated are left alone, so that the DMR's later edits are kept; running
`setup_site` converts an existing installation.

Each French section is also registered with wagtail-localize as the translation of its
English page (a translation source, a translation into French, and the French text of each
English string as that string's translation): when the English changes, the DMR syncs the
French in wagtail-localize's editor, which shows the new strings to translate and keeps the
translated ones. Registering is done once; running `setup_site` again changes no text.
"""

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.db import transaction
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from network_pages import area_addresses, network_area
from network_pages.community.site_setup import working_methods_blocks
from network_pages.models import NetworkHomePage
from workflows.gate import acting_as_system

FRENCH_WORKING_METHODS = (
    Path(__file__).resolve().parent / "community" / "seed" / "working-methods.fr.txt"
)


@dataclass(frozen=True)
class SectionText:
    title: str
    fields: dict = field(default_factory=dict)
    slug: str = ""  # from area_addresses, by the section's type


def _french_sections() -> dict[str, SectionText]:
    """French texts by the section's page type (each type appears once in the area)."""
    _adopted_on, working_methods = working_methods_blocks(
        FRENCH_WORKING_METHODS.read_text(encoding="utf-8")
    )
    return {
        "network_pages.NetworkHomePage": SectionText(
            "Espace du réseau",
            {
                "intro": (
                    "L'espace réservé du Réseau de points de contact sur les migrations\u00a0: "
                    "pour ses membres et le Secrétariat de la DMR uniquement."
                )
            },
        ),
        "network_pages.DirectoryPage": SectionText("Annuaire"),
        "meetings.MeetingIndexPage": SectionText(
            "Réunions",
            {
                "intro": (
                    "Réunions plénières, sessions thématiques et réunions conjointes du "
                    "réseau\u00a0: convocations, projets d'ordre du jour, documents et "
                    "procès-verbaux."
                )
            },
        ),
        "information.InformationRequestIndexPage": SectionText(
            "Demandes d'information",
            {"intro": "Demandes d'information adressées au réseau (4.5, 4.6)."},
        ),
        "information.InformationItemIndexPage": SectionText(
            "Informations et bonnes pratiques",
            {"intro": "Informations partagées par les membres et actualités de la DMR (2.1, 4.7)."},
        ),
        "community.ThematicGroupIndexPage": SectionText(
            "Groupes thématiques",
            {
                "intro": (
                    "Les groupes thématiques réunissent des membres du réseau qui partagent, "
                    "sur une base volontaire, une expertise spécialisée sur un thème "
                    "(méthodes de travail, 4.8)."
                )
            },
        ),
        "community.RapporteurListPage": SectionText("Rapporteurs thématiques"),
        "community.WorkingMethodsPage": SectionText(
            "Méthodes de travail", {"body": working_methods}
        ),
        "publication_drafts.PublicationDraftsPage": SectionText(
            "Projets de publication",
            {
                "intro": (
                    "Actualités, publications et bonnes pratiques que le réseau et la DMR "
                    "peuvent décider, conjointement, de rendre publiques."
                )
            },
        ),
    }


def _translate(french: Page, text: SectionText) -> Page:
    """Turn the French alias into a French page with `text` (live, same slug, same place)."""
    ConvertAliasPageAction(french, log_action="wagtail.convert_alias").execute(
        skip_permission_checks=True
    )
    page = Page.objects.get(pk=french.pk).specific
    page.title = text.title
    page.draft_title = text.title
    page.slug = text.slug
    for name, value in text.fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def _create(original: Page, locale: Locale, text: SectionText) -> Page:
    """A French page for a section that has none, under the French root (live)."""
    page = original.copy_for_translation(locale)
    page.title = text.title
    page.draft_title = text.title
    page.slug = text.slug
    for name, value in text.fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def _give_french_slug(page: Page, slug: str) -> Page:
    """A section translated before it had a French slug: only its slug changes (the DMR's
    text is kept), live and in a pending draft; the pages below follow (url paths)."""
    page = page.specific
    page.slug = slug
    page.save(clean=False)
    revision = page.latest_revision
    if revision is not None and revision.content.get("slug") != slug:
        revision.content["slug"] = slug
        revision.save(update_fields=["content"])
    return page


BLOCK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _shape(path: str) -> str:
    """A string's place with its block ids left out: the English and French working methods
    are the same blocks in the same order, each text with ids of its own."""
    return BLOCK_ID.sub("*", path)


def keep_as_translation(english: Page, french: Page) -> Translation:
    """Register `french` with wagtail-localize as the translation of `english` (once).

    The French text of each English string is recorded as its translation when both pages
    have the same strings in the same places; otherwise (the DMR reshaped one of them) the
    strings are left for the translation editor to fill.
    """
    source, _created = TranslationSource.get_or_create_from_instance(english)
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=french.locale, defaults={"enabled": True}
    )
    if not created:
        return translation
    segments = list(
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    french_strings = [
        segment
        for segment in extract_segments(french.specific)
        if isinstance(segment, StringSegmentValue)
    ]
    if [_shape(segment.context.path) for segment in segments] != [
        _shape(segment.path) for segment in french_strings
    ]:
        return translation
    for segment, value in zip(segments, french_strings, strict=True):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=french.locale,
            context=segment.context,
            defaults={
                "data": value.string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    return translation


@transaction.atomic
@acting_as_system("site setup")
def translate_sections(network: NetworkHomePage) -> list[Page]:
    """Give each section of the network area (root included) its French page; idempotent."""
    french_locale = Locale.objects.filter(language_code="fr").first()
    if french_locale is None:
        return []
    texts = _french_sections()
    sections = [network, *network.get_children().specific()]
    translated = []
    for section in sections:
        text = texts.get(section._meta.label) if network_area.is_section(section) else None
        french = section.get_translation_or_none(french_locale)
        if text is None:
            continue
        text = replace(text, slug=area_addresses.section_slug(section._meta.label, "fr"))
        if french is None:
            # Publication drafts is never mirrored (its drafts are not): its page is created.
            translated.append(_create(section, french_locale, text))
        elif french.alias_of_id:
            translated.append(_translate(french, text))
        elif french.slug != text.slug and french.slug == section.slug:
            translated.append(_give_french_slug(french, text.slug))
        french = section.get_translation_or_none(french_locale)
        if french is not None and not french.alias_of_id:
            keep_as_translation(section, french)
    for root in NetworkHomePage.objects.filter(locale=french_locale):
        # A converted root no longer borrows its source's restriction: it keeps its own.
        network_area.restrict_to_network(root)
    return translated
