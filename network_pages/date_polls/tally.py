"""The best dates of a poll: most states available, then most without reservation.

"If need be" counts as available but ranks below "yes"; one "no" does not rule a date out
(the network meets with whoever can come), it only counts against it.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from .models import Availability, DateOption, DatePoll


@dataclass
class OptionTally:
    option: DateOption
    yes: int
    if_need_be: int
    no: int

    @property
    def available(self) -> int:
        return self.yes + self.if_need_be

    @property
    def rank_key(self) -> tuple:
        return (-self.available, -self.yes, self.no, self.option.opening)


def tally(poll: DatePoll) -> list[OptionTally]:
    """Every proposed date with its counts, best first (one query)."""
    options = DateOption.objects.filter(poll=poll).annotate(
        yes=Count("answers", filter=Q(answers__answer=Availability.YES)),
        if_need_be=Count("answers", filter=Q(answers__answer=Availability.IF_NEED_BE)),
        no=Count("answers", filter=Q(answers__answer=Availability.NO)),
    )
    tallies = [OptionTally(o, o.yes, o.if_need_be, o.no) for o in options]
    return sorted(tallies, key=lambda t: t.rank_key)
