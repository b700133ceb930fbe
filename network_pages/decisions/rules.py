"""Who reads the register and who reports progress on an action point.

- The register (decisions and action points of every meeting) is for verified members of
  the network; each meeting's own page also shows its outcome to whoever may open it.
- Progress on an action is reported by its owner: the Focal Points (and deputies) of the
  owning state, the members of the owning thematic group, or the DMR; the DMR may report on
  any action, as the network's secretariat (4.9).
"""

from collections.abc import Callable

from django.db import transaction

from network_pages import access
from network_pages.community.models import Membership
from network_pages.information import rules as information_rules

from .models import ActionPoint, ActionProgress, ActionStatus, OwnerKind


def may_read_register(user) -> bool:
    return access.is_verified(user) and access.is_member(user)


def progress_reporter(user) -> Callable[[ActionPoint], bool]:
    """`may_report_progress` for many actions: what it needs about the user, read once."""
    if not may_read_register(user):
        return lambda action: False
    if access.is_dmr(user):
        return lambda action: True
    state = information_rules.represented_state(user)
    group_ids = set(Membership.objects.filter(user=user).values_list("group_id", flat=True))

    def may_report(action: ActionPoint) -> bool:
        if action.owner_kind == OwnerKind.STATE:
            return state is not None and action.owner_state_id == state.pk
        if action.owner_kind == OwnerKind.GROUP:
            return action.owner_group_id in group_ids
        return False

    return may_report


def may_report_progress(user, action: ActionPoint) -> bool:
    return progress_reporter(user)(action)


@transaction.atomic
def report_progress(action: ActionPoint, user, status: str, note: str) -> ActionProgress:
    """Record the note and set the action's status with it."""
    action = ActionPoint.objects.select_for_update().get(pk=action.pk)
    progress = ActionProgress.objects.create(action=action, status=status, note=note, author=user)
    if action.status != status:
        action.status = ActionStatus(status)
        action.save(update_fields=["status", "updated_at"])
    return progress
