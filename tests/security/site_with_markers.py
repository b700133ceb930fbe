"""The whole marked site, built once per test: every page type public and restricted, EN
and FR, live and draft, with the records, files and URLs around them."""

from network_pages.site_structure import ensure_site_structure

from .files_content import build_files
from .library_content import build_library
from .marked_site import MarkedSite
from .network_content import build_network_area
from .other_urls import build_other_urls
from .public_content import build_public_section


def build_marked_site(users: dict) -> MarkedSite:
    structure = ensure_site_structure()
    site = MarkedSite()
    build_public_section(site, structure.homes)
    build_network_area(site, structure.network, users)
    build_files(site)
    build_library(site, users)
    build_other_urls(site)
    return site
