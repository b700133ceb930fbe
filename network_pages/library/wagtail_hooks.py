"""Wiring only: the library's files follow their entries (the owner rule), their search
hits lead to their entries, and the admin's Library menu."""

from wagtail import hooks

from network_pages import access
from network_pages.search.document_places import DOCUMENT_PLACES_HOOK

from . import document_owners, search_places
from .viewsets import LibraryViewSetGroup

hooks.register(access.DOCUMENT_OWNERS_HOOK, document_owners.library_owners)
hooks.register(DOCUMENT_PLACES_HOOK, search_places.library_places)


@hooks.register("register_admin_viewset")
def register_library_menu():
    return LibraryViewSetGroup()
