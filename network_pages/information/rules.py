"""Who answers, reads and edits a response, and until when (4.5, 4.6; 2.1.a).

Rules for responses, as plain functions:

- A response belongs to one member state; any active Focal Point or deputy of that state
  writes it. Nobody else writes it, not even the DMR (which reopens, 4.9).
- A submitted response is read by every member of the network (2.1.a); a draft only by the
  Focal Points of its own state and the DMR.
- A response can be edited while the request is open and until the end of its deadline
  day, Paris time. After that it is locked, unless the DMR reopens it for that state until
  a new date: the state may then edit it until the end of that day, or until it submits
  again, whichever comes first (submitting closes the reopening).
- A closed request takes no edits at all.
"""

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network_pages import access, member_profiles
from network_pages.models import MemberProfile, MemberState


def today() -> date:
    """The date in Paris (TIME_ZONE): deadlines end at midnight there."""
    return timezone.localdate()


def represented_state(user) -> MemberState | None:
    """The member state a verified member answers for, if they are its Focal Point."""
    if not user.is_authenticated or not access.is_member(user):
        return None
    profile = member_profiles.profile_of(user)
    if profile is None or not profile.is_active:
        return None
    return profile.member_state if profile.function in MemberProfile.STATE_FUNCTIONS else None


def may_write_for(user, state: MemberState) -> bool:
    """Only the Focal Points (and deputies) of a state write its response."""
    own = represented_state(user)
    return own is not None and own.pk == state.pk


def may_read(user, response) -> bool:
    """Submitted: every member (2.1.a). Draft: its own state's Focal Points and the DMR."""
    if response.is_submitted:
        return access.is_member(user)
    return access.is_dmr(user) or may_write_for(user, response.member_state)


class Lock(models.TextChoices):
    """Why a response cannot be edited now (None when it can); the label says it."""

    CLOSED = "closed", _("This request is closed: responses can no longer be changed.")
    DEADLINE = (
        "deadline",
        _(
            "The deadline has passed: the response can no longer be changed. The DMR "
            "Secretariat can reopen it for your state."
        ),
    )


def lock_of(request_page, response, on: date | None = None) -> Lock | None:
    """None if the state's response can be edited on `on` (today), else the reason."""
    on = on or today()
    if request_page.status != "open":
        return Lock.CLOSED
    if on <= request_page.deadline:
        return None
    if response is not None and response.reopened_until and on <= response.reopened_until:
        return None
    return Lock.DEADLINE


def closes_reopening(request_page, on: date | None = None) -> bool:
    """Submitting after the deadline ends a reopening (see the module docstring)."""
    return (on or today()) > request_page.deadline


class StateStatus(models.TextChoices):
    """A state's place in the overview of a request (the matrix)."""

    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    NO_INFORMATION = "no_information", _("No information")


def state_status(response, informative_answers: int | None = None) -> StateStatus:
    """No response: not started. Submitted with "no information" for every question: no
    information. `informative_answers` counts the answers that are not "no information"."""
    if response is None:
        return StateStatus.NOT_STARTED
    if not response.is_submitted:
        return StateStatus.DRAFT
    if informative_answers == 0:
        return StateStatus.NO_INFORMATION
    return StateStatus.SUBMITTED
