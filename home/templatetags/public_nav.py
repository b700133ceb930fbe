from django import template
from django.utils.translation import get_language

from home import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def public_nav(context: template.Context) -> dict:
    """The public section's indexes, the one the page is in marked as current."""
    sections = navigation.public_sections(get_language())
    return {
        "sections": sections,
        "current": navigation.current_section(sections, context.get("page")),
    }


@register.simple_tag(takes_context=True)
def breadcrumbs(context: template.Context) -> list[navigation.SectionLink]:
    """The page's ancestors from its language's home (none on a home page or a view)."""
    return navigation.breadcrumb_trail(context.get("page"), get_language())
