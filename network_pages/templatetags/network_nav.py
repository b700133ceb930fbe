from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from home import navigation as public_navigation
from network_pages import access, navigation, roles
from network_pages.area_addresses import network_path
from nfp_site.fragments import render_once

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


# Stands for the request's CSRF token in a rendering kept for everyone (render_once): the
# form field it renders into is replaced by the request's own.
_CSRF_STAND_IN = "\x00nfp-csrf-token\x00"
_CSRF_FIELD_STAND_IN = CsrfTokenNode().render(template.Context({"csrf_token": _CSRF_STAND_IN}))


@register.simple_tag(takes_context=True)
def site_nav(context: template.Context) -> SafeString:
    """The account links (components/_site_nav.html), rendered once per role and language;
    the sign-out form carries the request's own CSRF token."""
    nav = network_nav(context)
    html = render_once(
        "components/_site_nav.html",
        verified_member=nav["verified_member"],
        network_url=nav["network_url"],
        signed_in=nav["signed_in"],
        csrf_token=_CSRF_STAND_IN,
    )
    if _CSRF_FIELD_STAND_IN in html:
        token_field = CsrfTokenNode().render(context)
        html = SafeString(html.replace(_CSRF_FIELD_STAND_IN, token_field))
    return html


@register.simple_tag(takes_context=True)
def section_nav(context: template.Context) -> SafeString:
    """The section bars (components/_section_nav.html): the network's for a member, a
    guest's links, the public sections; rendered once per role, language, section and view.
    Everything the template reads is an input here (render_once)."""
    nav = network_nav(context)
    page_path = getattr(context.get("page"), "path", None)
    public_sections = public_navigation.public_sections(get_language())
    public_current = public_navigation.current_section(public_sections, context.get("page"))
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    return render_once(
        "components/_section_nav.html",
        sections=tuple(nav["sections"]),
        current=nav["current"],
        current_is_page=nav["current"] is not None and nav["current"].path == page_path,
        is_dmr=nav["is_dmr"],
        verified_guest=nav["verified_guest"],
        public_sections=tuple(public_sections),
        public_current=public_current,
        public_current_is_page=public_current is not None and public_current.path == page_path,
        view_name=getattr(match, "view_name", None),
        app_name=getattr(match, "app_name", None),
        namespace=getattr(match, "namespace", None),
    )
