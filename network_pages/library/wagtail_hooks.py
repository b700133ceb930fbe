"""Wiring only: the library's files follow their entries (the owner rule), and the admin's
Library menu."""

from wagtail import hooks

from network_pages import access

from . import document_owners
from .viewsets import LibraryViewSetGroup

hooks.register(access.DOCUMENT_OWNERS_HOOK, document_owners.library_owners)


@hooks.register("register_admin_viewset")
def register_library_menu():
    return LibraryViewSetGroup()
