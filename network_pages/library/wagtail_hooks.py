"""Wiring only: the library's files follow their entries (the owner rule)."""

from wagtail import hooks

from network_pages import access

from . import document_owners

hooks.register(access.DOCUMENT_OWNERS_HOOK, document_owners.library_owners)
