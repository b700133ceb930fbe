"""The draft agenda and the member states' suggestions to it (4.4).

4.4: "The agenda of the meetings and thematic sessions is proposed by the DMR based on
consultations with the Network [...] and with its Member States, which may present
suggestions to the agenda". While the agenda is a draft, a Focal Point suggests an item
(their member state is recorded); the DMR accepts it, and it becomes an agenda item, or
declines it with a reason. Either way the Focal Point is told by email.

The agenda is page content: changes to it are new revisions of the meeting page, published
at once unless the page has unpublished changes of its own (which are then kept as a draft,
for the DMR to publish).
"""

from collections.abc import Callable
from functools import partial

from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from network_pages import access, member_profiles
from network_pages.meetings import tasks
from network_pages.meetings.models.agenda_item import AgendaItem
from network_pages.meetings.models.agenda_suggestion import AgendaSuggestion
from network_pages.meetings.models.choices import CLOSED_STATUSES
from network_pages.models import MemberProfile
from network_pages.network_area import source_of

ACCEPT_ACTION = "meetings.accept_suggestion"
DECLINE_ACTION = "meetings.decline_suggestion"


class SuggestionRefused(Exception):
    """The suggestion or decision cannot be made; the message says why."""


def profile_of(user) -> MemberProfile | None:
    """The user's profile, read once per request (`member_profiles.profile_of`)."""
    try:
        return member_profiles.profile_of(user)
    except (ObjectDoesNotExist, AttributeError):
        return None


def may_suggest_as(user) -> bool:
    """4.4: Focal Points (and deputies) present their state's suggestions; the DMR may add
    its own. Guests and people outside the network may not.

    Whether the request is signed in with a second factor was checked before: the meeting
    page's routes are behind the network area's access rule."""
    if not (user.is_authenticated and user.is_active):
        return False
    if access.is_dmr(user):
        return True
    profile = profile_of(user)
    return (
        access.is_member(user)
        and profile is not None
        and profile.is_active
        and profile.function in MemberProfile.STATE_FUNCTIONS
    )


def suggestion_refusal(user, meeting) -> str | None:
    """Why `user` may not suggest an item for `meeting` now, or None if they may."""
    if meeting.agenda_is_final:
        return str(_("The agenda is final: suggestions are closed."))
    if meeting.status in CLOSED_STATUSES or meeting.closing <= timezone.now():
        return str(_("This meeting is over or cancelled: suggestions are closed."))
    if not may_suggest_as(user):
        return str(_("Only Focal Points and the DMR can suggest agenda items."))
    return None


def submit_suggestion(meeting, user, *, title: str, rationale: str) -> AgendaSuggestion:
    """Record a suggestion with the suggesting Focal Point's member state."""
    source = source_of(meeting)
    refusal = suggestion_refusal(user, source)
    if refusal:
        raise SuggestionRefused(refusal)
    profile = profile_of(user)
    state = (
        profile.member_state
        if profile and profile.function in MemberProfile.STATE_FUNCTIONS
        else None
    )
    try:
        with transaction.atomic():
            return AgendaSuggestion.objects.create(
                meeting=source,
                title=title.strip(),
                rationale=rationale.strip(),
                suggested_by=user,
                member_state=state,
            )
    except IntegrityError as error:
        raise SuggestionRefused(_("You have already suggested this item.")) from error


def revise_meeting(meeting, user, change: Callable) -> bool:
    """Apply `change` to the latest revision of the meeting as a new revision.

    Publishes it when the page had no unpublished changes (returns True); otherwise the new
    revision stays a draft on top of the DMR's own (returns False). Call in a transaction.
    """
    source = source_of(meeting)
    page = type(source).objects.select_for_update().get(pk=source.pk)
    publish = page.live and not page.has_unpublished_changes
    latest = page.get_latest_revision_as_object()
    change(latest)
    revision = latest.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)
    return publish


def add_agenda_item(page, **fields) -> None:
    """Append an item to the (in-memory) agenda of `page`, after the last one."""
    items = list(page.agenda_items.all())
    next_order = max((item.sort_order or 0 for item in items), default=-1) + 1
    page.agenda_items.add(AgendaItem(sort_order=next_order, **fields))


def _locked_pending(suggestion: AgendaSuggestion) -> AgendaSuggestion:
    locked = (
        AgendaSuggestion.objects.select_for_update(of=("self",))
        .select_related("meeting", "member_state")
        .get(pk=suggestion.pk)
    )
    if not locked.is_pending:
        raise SuggestionRefused(_("This suggestion has already been decided."))
    return locked


def accept_suggestion(suggestion: AgendaSuggestion, *, decided_by) -> bool:
    """The suggestion becomes the last item of the agenda; its author is told by email.

    Returns whether the agenda change was published (see `revise_meeting`).
    """
    with transaction.atomic():
        suggestion = _locked_pending(suggestion)
        published = revise_meeting(
            suggestion.meeting,
            decided_by,
            partial(
                add_agenda_item,
                title=suggestion.title,
                description=suggestion.rationale,
                suggested_by_state=suggestion.member_state,
            ),
        )
        suggestion.status = AgendaSuggestion.Status.ACCEPTED
        suggestion.decided_by = decided_by
        suggestion.decided_at = timezone.now()
        suggestion.save(update_fields=["status", "decided_by", "decided_at"])
        log(
            instance=suggestion.meeting,
            action=ACCEPT_ACTION,
            user=decided_by,
            data={"suggestion": suggestion.pk, "title": suggestion.title},
        )
        transaction.on_commit(
            partial(tasks.send_suggestion_outcome.enqueue, suggestion.pk), robust=True
        )
    return published


def decline_suggestion(suggestion: AgendaSuggestion, *, decided_by, reason: str) -> None:
    """Decline with a reason, which the suggesting Focal Point receives by email."""
    reason = reason.strip()
    if not reason:
        raise SuggestionRefused(_("Give a reason for declining the suggestion."))
    with transaction.atomic():
        suggestion = _locked_pending(suggestion)
        suggestion.status = AgendaSuggestion.Status.DECLINED
        suggestion.decline_reason = reason
        suggestion.decided_by = decided_by
        suggestion.decided_at = timezone.now()
        suggestion.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
        log(
            instance=suggestion.meeting,
            action=DECLINE_ACTION,
            user=decided_by,
            data={"suggestion": suggestion.pk, "title": suggestion.title},
        )
        transaction.on_commit(
            partial(tasks.send_suggestion_outcome.enqueue, suggestion.pk), robust=True
        )
