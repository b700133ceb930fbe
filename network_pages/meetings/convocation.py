"""The convocation rule (working methods 4.1) and sending a convocation.

4.1: "The meeting shall be convened by the DMR. The convocation shall be sent to the Focal
Points, together with a draft agenda, at least 30 working days before the opening day".
The working days and the deadline are defined in `working_days`. Here:

* `timing_for` tells where a meeting stands: deadline, working days left, overdue.
* `send_convocation` records a convocation, one delivery per invited person, publishes the
  meeting as convened and enqueues the emails. It refuses a meeting without a draft agenda,
  one with unpublished changes (the convocation must say what members read), and, past the
  deadline, a first convocation that the DMR has not confirmed with a reason; that reason
  is recorded and shown on the meeting as a late convocation.
* After the convocation, changes are sent as updates (SEQUENCE + 1); a cancelled meeting
  that was convened gets a cancellation.
"""

from dataclasses import dataclass
from datetime import date
from functools import partial
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from network_pages.meetings import agenda, participants, tasks
from network_pages.meetings.models.choices import MeetingStatus
from network_pages.meetings.models.convocation import Convocation, ConvocationDelivery
from network_pages.meetings.models.holiday import Holiday
from network_pages.meetings.snapshot import MeetingSnapshot
from network_pages.meetings.working_days import (
    CONVOCATION_NOTICE_WORKING_DAYS,
    convocation_deadline,
    holiday_window,
    working_days_after,
)
from network_pages.network_area import source_of
from nfp_site.dates import local_date

SEND_ACTION = "meetings.send_convocation"


class ConvocationRefused(Exception):
    """The convocation cannot be sent; the message says why and can be shown to the DMR."""


class LateConvocationNotConfirmed(ConvocationRefused):
    """Past the deadline, the DMR must confirm and give a reason (4.1)."""


def opening_day(meeting) -> date:
    """The opening day in Paris, where the DMR works (TIME_ZONE)."""
    return timezone.localtime(meeting.opening, ZoneInfo(settings.TIME_ZONE)).date()


def today() -> date:
    return timezone.localdate(timezone=ZoneInfo(settings.TIME_ZONE))


def holidays_for(first: date, last: date) -> frozenset[date]:
    """The holidays that can matter to the deadlines of meetings opening from `first` to
    `last`, and to the working days between today and those deadlines."""
    return Holiday.objects.dates_between(*holiday_range(first, last))


def holiday_range(first: date, last: date) -> tuple[date, date]:
    """The days `holidays_for(first, last)` reads the holidays of."""
    return min(holiday_window(first)[0], today()), max(last, today())


@dataclass(frozen=True)
class ConvocationTiming:
    """Where a meeting stands against its convocation deadline, on `today`."""

    opening_day: date
    deadline: date
    today: date
    holidays: frozenset[date]

    @property
    def is_overdue(self) -> bool:
        return self.today > self.deadline

    @property
    def working_days_left(self) -> int:
        """Working days after today up to the deadline (0 on the deadline or after it)."""
        return working_days_after(self.today, self.deadline, self.holidays)

    def describe(self) -> str:
        """ "Convocation due in N working days", "due today" or "overdue"."""
        if self.is_overdue:
            return str(_("Convocation overdue (deadline %(deadline)s)")) % {
                "deadline": local_date(self.deadline)
            }
        if self.today == self.deadline:
            return str(_("Convocation due today"))
        left = self.working_days_left
        return ngettext(
            "Convocation due in %(count)s working day (by %(deadline)s)",
            "Convocation due in %(count)s working days (by %(deadline)s)",
            left,
        ) % {"count": left, "deadline": local_date(self.deadline)}


def timing_for(
    meeting, *, on: date | None = None, holidays: frozenset[date] | None = None
) -> ConvocationTiming:
    opening = opening_day(meeting)
    if holidays is None:
        holidays = holidays_for(opening, opening)
    return ConvocationTiming(
        opening_day=opening,
        deadline=convocation_deadline(opening, holidays),
        today=on or today(),
        holidays=holidays,
    )


def convocations_of(meeting):
    return Convocation.objects.filter(meeting_id=source_of(meeting).pk).order_by("sequence")


def next_kind(meeting, last: Convocation | None) -> str:
    if last is None:
        return Convocation.Kind.CONVOCATION
    if meeting.status == MeetingStatus.CANCELLED:
        return Convocation.Kind.CANCELLATION
    return Convocation.Kind.UPDATE


def refusal_reasons(meeting, *, kind: str, on: date | None = None) -> list[str]:
    """Why this convocation (or update) cannot be sent now; empty if it can."""
    source = source_of(meeting)
    reasons = []
    if not source.live:
        reasons.append(_("Publish the meeting before sending its convocation."))
    elif source.has_unpublished_changes:
        reasons.append(
            _(
                "The meeting has unpublished changes: publish them first, so that the "
                "convocation says what the members read."
            )
        )
    if kind != Convocation.Kind.CANCELLATION:
        if source.status in (MeetingStatus.HELD, MeetingStatus.CANCELLED):
            reasons.append(_("This meeting is over or cancelled."))
        if not source.agenda_items.exists():
            reasons.append(
                _("The meeting has no draft agenda: add at least one agenda item first.")
            )
        if opening_day(source) <= (on or today()):
            reasons.append(_("This meeting has already opened."))
    return [str(reason) for reason in reasons]


def _set_status(page, *, status: str) -> None:
    page.status = status


def send_convocation(
    meeting,
    *,
    sent_by,
    confirm_late: bool = False,
    late_reason: str = "",
    expected_sequence: int | None = None,
    on: date | None = None,
) -> Convocation:
    """Record and send the convocation of `meeting`, or its next update (see module doc).

    `expected_sequence` is the sequence the sender saw: a second submission of the same
    form finds it taken and is refused instead of sending everything again.
    """
    source = source_of(meeting)
    with transaction.atomic():
        page = type(source).objects.select_for_update().get(pk=source.pk)
        last = convocations_of(page).last()
        sequence = 0 if last is None else last.sequence + 1
        if expected_sequence is not None and expected_sequence != sequence:
            raise ConvocationRefused(
                _("This convocation has already been sent: see the list below.")
            )
        kind = next_kind(page, last)
        reasons = refusal_reasons(page, kind=kind, on=on)
        if reasons:
            raise ConvocationRefused(" ".join(reasons))
        timing = timing_for(page, on=on)
        is_late = kind == Convocation.Kind.CONVOCATION and timing.is_overdue
        late_reason = late_reason.strip()
        if is_late and not (confirm_late and late_reason):
            raise LateConvocationNotConfirmed(
                _(
                    "Fewer than %(days)s working days remain before the opening day (the "
                    "deadline was %(deadline)s). To send the convocation anyway, confirm it "
                    "and give the reason, which is shown on the meeting."
                )
                % {
                    "days": CONVOCATION_NOTICE_WORKING_DAYS,
                    "deadline": local_date(timing.deadline),
                }
            )
        recipients = participants.invitees(page)
        if not recipients:
            raise ConvocationRefused(_("Nobody is invited to this meeting yet."))

        status = page.status
        if kind != Convocation.Kind.CANCELLATION:
            status = MeetingStatus.CONVENED
        convocation = Convocation.objects.create(
            meeting=page,
            kind=kind,
            sequence=sequence,
            sent_by=sent_by,
            deadline=timing.deadline,
            is_late=is_late,
            late_reason=late_reason if is_late else "",
            snapshot=MeetingSnapshot.from_page(page, status=status).as_json(),
        )
        ConvocationDelivery.objects.bulk_create(
            ConvocationDelivery(
                convocation=convocation,
                user_id=recipient.user_id,
                name=recipient.name[:255],
                email=recipient.email,
                language=recipient.language,
                is_guest=recipient.is_guest,
            )
            for recipient in recipients
        )
        if page.status != status:
            agenda.revise_meeting(page, sent_by, partial(_set_status, status=status))
        page.refresh_from_db(fields=["live_revision"])
        convocation.revision_id = page.live_revision_id
        convocation.save(update_fields=["revision"])
        log(
            instance=page,
            action=SEND_ACTION,
            user=sent_by,
            data={
                "convocation": convocation.pk,
                "kind": kind,
                "sequence": sequence,
                "recipients": len(recipients),
                "late": is_late,
            },
        )
        transaction.on_commit(
            partial(tasks.send_convocation_emails.enqueue, convocation.pk), robust=True
        )
    return convocation


@dataclass(frozen=True)
class DeliveryCounts:
    total: int
    sent: int
    failed: int

    @property
    def pending(self) -> int:
        return self.total - self.sent - self.failed


def delivery_counts(convocation: Convocation) -> DeliveryCounts:
    statuses = list(convocation.deliveries.values_list("status", flat=True))
    return DeliveryCounts(
        total=len(statuses),
        sent=statuses.count(ConvocationDelivery.Status.SENT),
        failed=statuses.count(ConvocationDelivery.Status.FAILED),
    )


def first_late_convocation(meeting) -> Convocation | None:
    """The late convocation to show on the meeting (4.1), if the first one was late."""
    first = convocations_of(meeting).first()
    return first if first is not None and first.is_late else None


def changed_since_last_convocation(meeting) -> bool:
    """Has what participants read changed since the last convocation or update?"""
    last = convocations_of(meeting).last()
    if last is None:
        return False
    return MeetingSnapshot.from_page(source_of(meeting)).differs_from(
        MeetingSnapshot.from_json(last.snapshot)
    )
