"""The link from a meeting's or a thematic group's page to its library, for its readers."""

from django import template
from django.urls import reverse
from wagtail.models import Page

from network_pages.community.models import ThematicGroupPage

from .. import places

register = template.Library()


@register.inclusion_tag("library/_library_link.html", takes_context=True)
def library_link(context, page: Page) -> dict:
    """Nothing for a reader the library is closed to (a members-only group's workspace).
    Weighed on the page being served (an alias has its source's restrictions and fields),
    so that no more is read than the page already did."""
    if page.pk is None:  # the admin's preview of a page not saved yet
        return {"url": None}
    kind = places.Kind.GROUP if isinstance(page, ThematicGroupPage) else places.Kind.MEETING
    user = context["request"].user
    if not places.may_read(user, places.Library(kind, page)):
        return {"url": None}
    name = "library:group" if kind is places.Kind.GROUP else "library:meeting"
    return {"url": reverse(name, kwargs={"page_id": page.alias_of_id or page.pk}), "kind": kind}
