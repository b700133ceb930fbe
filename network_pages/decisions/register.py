"""The register as readers see it: decisions and action points of the meetings they may
open, filtered, in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone

from network_pages.community import visibility
from network_pages.meetings.models import MeetingPage
from network_pages.models import MemberState

from .models import ActionPoint, ActionProgress, Decision


def open_action_points_for_state(state: MemberState) -> QuerySet[ActionPoint]:
    """The open action points a member state owns, soonest due first (for a Focal Point's
    first page). The caller has checked that the reader speaks for the state."""
    return (
        ActionPoint.objects.still_open()
        .filter(owner_state=state)
        .select_related("meeting", "decision")
        .order_by("due_date", "meeting__opening", "number")
    )


def readable_meeting_ids(user) -> list[int]:
    """The meetings (source pages) this user may open, by the one access rule."""
    meetings = list(
        MeetingPage.objects.filter(alias_of__isnull=True).only("pk", "path", "alias_of")
    )
    return [page.pk for page in visibility.pages_visible_to(user, meetings)]


@dataclass
class RegisterFilters:
    meeting: MeetingPage | None = None
    state: MemberState | None = None
    status: str = ""  # "", "open", "overdue" or an ActionStatus value


def _progress() -> Prefetch:
    return Prefetch(
        "progress",
        queryset=ActionProgress.objects.select_related("author").order_by("-created_at"),
    )


def with_latest_progress(actions: QuerySet[ActionPoint]) -> QuerySet[ActionPoint]:
    return actions.select_related(
        "meeting", "decision", "owner_state", "owner_group"
    ).prefetch_related(_progress())


def with_owners(actions: QuerySet[ActionPoint]) -> QuerySet[ActionPoint]:
    """What `with_latest_progress` selects, without the progress: for `read_progress`."""
    return actions.select_related("meeting", "decision", "owner_state", "owner_group")


def read_progress(*action_lists: list[ActionPoint]) -> None:
    """The progress of the actions of several lists, in one query for all of them."""
    every = [action for actions in action_lists for action in actions]
    prefetch_related_objects(every, _progress())


def action_points(meeting_ids: list[int], filters: RegisterFilters) -> QuerySet[ActionPoint]:
    actions = ActionPoint.objects.filter(meeting_id__in=meeting_ids)
    if filters.meeting is not None:
        actions = actions.filter(meeting=filters.meeting)
    if filters.state is not None:
        actions = actions.filter(owner_state=filters.state)
    if filters.status == "open":
        actions = actions.still_open()
    elif filters.status == "overdue":
        actions = actions.overdue(timezone.localdate())
    elif filters.status:
        actions = actions.filter(status=filters.status)
    return with_latest_progress(actions).order_by("-meeting__opening", "number")


def action_points_without_progress(
    meeting_ids: list[int], filters: RegisterFilters
) -> QuerySet[ActionPoint]:
    """`action_points`, leaving the progress to `read_progress`."""
    return action_points(meeting_ids, filters).prefetch_related(None)


def decisions(meeting_ids: list[int], filters: RegisterFilters) -> QuerySet[Decision]:
    found = Decision.objects.filter(meeting_id__in=meeting_ids)
    if filters.meeting is not None:
        found = found.filter(meeting=filters.meeting)
    return found.select_related("meeting", "agenda_item").order_by("-meeting__opening", "number")
