"""The project's answers to the joint-approval plugin's questions (WORKFLOWS_* settings)."""

from django.conf import settings
from wagtail.models import Page

from network_pages import network_area
from workflows import policies as default_policies


def is_restricted(obj) -> bool:
    """Restricted: under the network area (even a page that lost its restriction), or
    behind a view restriction; a document in a restricted collection (3.1)."""
    if isinstance(obj, Page) and network_area.is_in_network_area(obj):
        return True
    return default_policies.is_restricted(obj)


def recipient_language(user) -> str:
    """Emails follow the member's preferred language (EN or FR)."""
    profile = getattr(user, "member_profile", None)
    return getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE
