from django import template

from network_pages.network_area import source_of

from ..models import ActionPoint, Decision

register = template.Library()


@register.inclusion_tag("decisions/_meeting_outcome.html")
def meeting_outcome(page) -> dict:
    """A meeting's decisions and action points, on its page (two queries, none for what
    the page's context found it has not: `meetings.page_context.reader_facts`); the page's
    own access rule has already run."""
    meeting_id = source_of(page).pk
    has_decisions, has_actions = getattr(page, "_nfp_outcome_exists", (True, True))
    return {
        "decisions": list(
            Decision.objects.filter(meeting_id=meeting_id).select_related("agenda_item")
        )
        if has_decisions
        else [],
        "actions": list(
            ActionPoint.objects.filter(meeting_id=meeting_id).select_related(
                "owner_state", "owner_group"
            )
        )
        if has_actions
        else [],
    }
