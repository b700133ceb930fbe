"""The joint-approval tally (3.3): plain data and rules, no database.

A task has parties, each a group with a quorum. The tally of one revision counts the
approvals given to that revision; it is complete when every party has reached its quorum.
One person counts for one party only, and nobody approves what they wrote.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Party:
    """A group that must approve, how many of its members must, and whether it reviews."""

    group_id: int
    quorum: int = 1
    precaution_review: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Party":
        return cls(
            group_id=int(data["group"]),
            quorum=int(data.get("quorum", 1)),
            precaution_review=bool(data.get("precaution_review", False)),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "group": self.group_id,
            "quorum": self.quorum,
            "precaution_review": self.precaution_review,
        }


@dataclass(frozen=True)
class Vote:
    """One approval as the tally sees it: who, for which party."""

    user_id: int
    group_id: int
    record: Any = None  # the stored approval, for display


@dataclass
class PartyTally:
    party: Party
    name: str
    votes: list[Vote] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.votes)

    @property
    def reached(self) -> bool:
        return self.count >= self.party.quorum

    @property
    def missing(self) -> int:
        return max(0, self.party.quorum - self.count)


@dataclass
class Tally:
    parties: list[PartyTally]

    @property
    def complete(self) -> bool:
        return bool(self.parties) and all(party.reached for party in self.parties)

    @property
    def voter_ids(self) -> set[int]:
        return {vote.user_id for party in self.parties for vote in party.votes}

    def party(self, group_id: int) -> PartyTally | None:
        return next((p for p in self.parties if p.party.group_id == group_id), None)

    def waiting(self) -> list[PartyTally]:
        return [party for party in self.parties if not party.reached]

    def summary(self) -> str:
        """One line for histories and emails: "Network approvers 1/1, DMR Secretariat 0/1"."""
        return ", ".join(f"{p.name} {p.count}/{p.party.quorum}" for p in self.parties)


def build_tally(parties: Sequence[Party], names: dict[int, str], votes: Iterable[Vote]) -> Tally:
    """Count `votes` per party; a vote for a group that is no longer a party is ignored."""
    tallies = [PartyTally(party, names.get(party.group_id, "?")) for party in parties]
    by_group = {tally.party.group_id: tally for tally in tallies}
    for vote in votes:
        if vote.group_id in by_group:
            by_group[vote.group_id].votes.append(vote)
    return Tally(tallies)


def open_parties(tally: Tally, user_group_ids: set[int]) -> list[PartyTally]:
    """The parties this person may still approve for."""
    return [
        party
        for party in tally.parties
        if party.party.group_id in user_group_ids and not party.reached
    ]


def approval_refusals(
    tally: Tally,
    *,
    user_id: int,
    user_group_ids: set[int],
    party_group_id: int | None,
    author_ids: set[int],
) -> list[str]:
    """Why this person may not approve for this party now (empty: they may)."""
    if user_id in author_ids:
        return [_("You wrote this version: someone else must approve it.")]
    if user_id in tally.voter_ids:
        return [_("You have already approved this version; one person counts for one party.")]
    if not any(party.party.group_id in user_group_ids for party in tally.parties):
        return [_("You are not a member of any party to this approval.")]
    if party_group_id is None:
        if not open_parties(tally, user_group_ids):
            return [_("Every party you belong to has already approved this version.")]
        return []
    party = tally.party(party_group_id)
    if party is None or party_group_id not in user_group_ids:
        return [_("You may only approve for a party you are a member of.")]
    if party.reached:
        return [
            _("%(party)s has already approved this version.") % {"party": party.name},
        ]
    return []


def validate_parties(value: Any) -> list[Party]:
    """Parse the stored configuration; raise ValueError with a reason when it is unusable."""
    if not isinstance(value, list) or not value:
        raise ValueError(_("Add at least one party."))
    parties = []
    for entry in value:
        if not isinstance(entry, dict) or "group" not in entry:
            raise ValueError(_("Each party needs a group."))
        try:
            party = Party.from_json(entry)
        except (TypeError, ValueError) as error:
            raise ValueError(_("Each party needs a group and a whole-number quorum.")) from error
        if party.quorum < 1:
            raise ValueError(_("A quorum is at least 1."))
        parties.append(party)
    groups = [party.group_id for party in parties]
    if len(set(groups)) != len(groups):
        raise ValueError(_("A group can be only one party."))
    return parties
