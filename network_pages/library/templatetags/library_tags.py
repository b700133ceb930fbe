"""The link from a meeting's or a thematic group's page to its library, for its readers."""

from django import template
from django.urls import reverse
from wagtail.models import Page

from network_pages import access
from network_pages.community import thematic_groups
from network_pages.community.models import ThematicGroupPage

from .. import places

register = template.Library()


@register.inclusion_tag("library/_library_link.html", takes_context=True)
def library_link(context, page: Page) -> dict:
    """Nothing for a reader the library is closed to (a members-only group's workspace).

    The page is being served, so its reader has passed the access rule on it: what the
    library adds to the page's rule (`places.may_read`) is weighed here from what is already
    read, the user's groups and the page's fields, so that the link costs no query."""
    user = context["request"].user
    if page.pk is None or not (page.live or access.is_dmr(user)):
        return {"url": None}  # the admin's preview of a draft or of an unsaved page
    if isinstance(page, ThematicGroupPage):
        if page.workspace_members_only and not (
            access.is_dmr(user)
            or thematic_groups.GROUP_NAME.format(pk=thematic_groups.source_id(page))
            in access.group_names_of(user)
        ):
            return {"url": None}
        name, kind = "library:group", places.Kind.GROUP
    else:
        name, kind = "library:meeting", places.Kind.MEETING
    return {"url": reverse(name, kwargs={"page_id": page.alias_of_id or page.pk}), "kind": kind}
