"""Every page and setting an installation needs, created idempotently by `setup_site`
(production included) and by `seed_demo` before it adds demo content."""

from dataclasses import dataclass

from wagtail.models import Locale

from home.models import HomePage
from home.site_setup import ensure_home_pages, ensure_public_indexes
from network_pages.community.site_setup import ensure_community_pages
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import NetworkHomePage
from network_pages.network_area import ensure_network_area
from network_pages.publication_drafts.setup import (
    ensure_joint_approval_workflow,
    ensure_publication_drafts,
)
from network_pages.section_translations import translate_sections


@dataclass(frozen=True)
class SiteStructure:
    homes: dict[str, HomePage]
    network: NetworkHomePage


def ensure_site_structure() -> SiteStructure:
    homes = ensure_home_pages()
    network = ensure_network_area(homes["en"])
    ensure_meetings_index(network)
    ensure_information_indexes(network)
    ensure_community_pages(network)
    ensure_public_indexes(homes)
    drafts = ensure_publication_drafts(network)
    ensure_joint_approval_workflow(drafts)
    translate_sections(network)
    french_drafts = drafts.get_translation_or_none(Locale.objects.get(language_code="fr"))
    if french_drafts is not None:
        # Anything written under the French page would need the same joint approval.
        ensure_joint_approval_workflow(french_drafts)
    return SiteStructure(homes=homes, network=network)
