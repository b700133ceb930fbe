from django import template
from django.utils.translation import get_language

from network_pages import access
from network_pages.network_area import NETWORK_SLUG

register = template.Library()


@register.simple_tag(takes_context=True)
def network_nav(context: template.Context) -> dict:
    """What the header offers this reader: sign in, or the network area and account."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "signed_in": signed_in,
        "verified_member": signed_in and access.is_verified(user) and access.is_member(user),
        # The network root sits under each language's home, at the same slug (no query:
        # this tag is on every page).
        "network_url": f"/{get_language()}/{NETWORK_SLUG}/",
    }
