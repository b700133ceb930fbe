"""Who sees a date poll, who answers it and who decides (4.1, 4.3).

- A poll is seen by the members who may open its meeting (the one access rule).
- Each member state answers once per proposed date, through its Focal Points (or
  deputies); a new answer replaces the state's earlier one while the poll is open.
- The DMR sees every state's answers and turns the chosen dates into the meeting's dates,
  only while the meeting has not been convened: the convocation deadline then follows the
  new opening day.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from network_pages import access
from network_pages.community import visibility
from network_pages.information import rules as information_rules
from network_pages.meetings.models import MeetingStatus
from network_pages.models import MemberState

from .models import DateAnswer, DateOption, DatePoll


class PollRefused(Exception):
    """Why a poll cannot take this answer or decision now."""


def may_see(user, poll: DatePoll) -> bool:
    if not (access.is_verified(user) and access.is_member(user)):
        return False
    return bool(visibility.pages_visible_to(user, [poll.meeting]))


def answering_state(user) -> MemberState | None:
    return information_rules.represented_state(user)


def may_decide(user) -> bool:
    return access.is_verified(user) and access.is_dmr(user)


@transaction.atomic
def answer(poll: DatePoll, user, answers: dict[int, str]) -> int:
    """Record the user's state's answers ({option id: availability}); returns how many."""
    state = answering_state(user)
    if state is None:
        raise PollRefused(_("Only the Focal Points of a member state answer for it."))
    # Read again: the DMR may have decided since the form was opened.
    poll = DatePoll.objects.select_for_update().get(pk=poll.pk)
    if not poll.is_open:
        raise PollRefused(_("The dates of this meeting have been decided."))
    options = {option.pk for option in poll.options.all()}
    saved = 0
    for option_id, availability in answers.items():
        if option_id not in options:
            continue
        DateAnswer.objects.update_or_create(
            option_id=option_id,
            member_state=state,
            defaults={"answer": availability, "answered_by": user},
        )
        saved += 1
    return saved


@transaction.atomic
def decide(poll: DatePoll, option: DateOption, user) -> None:
    """The chosen dates become the meeting's: a new revision, published if the meeting is."""
    poll = DatePoll.objects.select_for_update().get(pk=poll.pk)
    if not poll.is_open:
        raise PollRefused(_("The dates of this meeting have been decided."))
    if option.poll_id != poll.pk:
        raise PollRefused(_("Choose one of the dates of this poll."))
    meeting = poll.meeting.specific
    if meeting.status != MeetingStatus.PLANNED:
        raise PollRefused(_("This meeting has been convened: its dates are no longer polled."))
    meeting.opening, meeting.closing = option.opening, option.closing
    revision = meeting.save_revision(user=user, log_action=True)
    if meeting.live:
        revision.publish(user=user)
    poll.status, poll.chosen = DatePoll.Status.DECIDED, option
    poll.save(update_fields=["status", "chosen"])
