from django import template
from django.utils.translation import get_language

from network_pages import access, navigation, roles
from network_pages.area_addresses import network_path

register = template.Library()


@register.simple_tag(takes_context=True)
def network_nav(context: template.Context) -> dict:
    """What the header offers this reader: sign in, or the network area and account.

    Only a verified member is told the network's sections (a refusal page never names
    them); a verified guest is offered their meetings, nothing else of the area.
    Worked out once per request and page: the account links and the section bar both ask.
    """
    request = context.get("request")
    page = context.get("page")
    user = getattr(request, "user", None)
    kept = getattr(request, "_nfp_network_nav", None)
    if kept is not None and kept[0] is page and kept[1] is user and kept[2] == get_language():
        return kept[3]
    nav = _network_nav(request, page)
    if request is not None:
        request._nfp_network_nav = (page, user, get_language(), nav)
    return nav


def _network_nav(request, page) -> dict:
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    verified = signed_in and access.is_verified(user)
    member = verified and access.is_member(user)
    guest = verified and not member and roles.GUESTS in access.group_names_of(user)
    language = get_language()
    sections = navigation.network_sections(language) if member else []
    current = navigation.current_section(sections, page)
    return {
        "signed_in": signed_in,
        "verified_member": member,
        "verified_guest": guest,
        "is_dmr": member and access.is_dmr(user),
        # The network root sits under each language's home, at its slug in that language
        # (no query: this tag is on every page).
        "network_url": network_path(language),
        "guest_meetings_url": network_path(language, "meetings.MeetingIndexPage"),
        "sections": sections,
        "current": current,
    }
