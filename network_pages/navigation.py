"""The network's sections as every page's header lists them for members (DESIGN.md, page
tree), cached like the public ones (`home.navigation`)."""

from home.navigation import SectionLink, cached_sections, current_section, link_to

__all__ = ["current_section", "network_sections"]
from network_pages.models import NetworkHomePage


def _read_network_sections(language: str) -> list[SectionLink]:
    root = (
        NetworkHomePage.objects.filter(locale__language_code=language)
        .order_by("alias_of_id")  # a real root before an alias, should both exist
        .first()
    )
    if root is None:
        return []
    return [link_to(root), *(link_to(page) for page in root.get_children().live().in_menu())]


def network_sections(language: str) -> list[SectionLink]:
    """The network root (what needs doing), then its sections in the menu, in `language`."""
    return cached_sections("network", language, _read_network_sections)
