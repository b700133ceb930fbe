"""What a meeting says at one moment: the content a convocation or a calendar carries.

A convocation records the snapshot it sent (4.1: who was sent what and when), and its emails
and iCalendar invitation are rendered from that record, not from the page as it may have
changed since.
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime

from network_pages.meetings.models.choices import DMR_CHAIR, MeetingKind, MeetingStatus


@dataclass(frozen=True)
class AgendaEntry:
    title: str
    description: str = ""
    speaker: str = ""


@dataclass(frozen=True)
class MeetingSnapshot:
    title: str
    kind: str
    opening: datetime
    closing: datetime
    status: str = MeetingStatus.PLANNED
    partner: str = ""
    venue: str = ""
    online_link: str = ""
    chair: str = ""
    agenda_is_final: bool = False
    agenda: tuple[AgendaEntry, ...] = field(default_factory=tuple)

    @classmethod
    def from_page(cls, page, **overrides) -> "MeetingSnapshot":
        values = {
            "title": page.title,
            "kind": page.kind,
            "opening": page.opening,
            "closing": page.closing,
            "status": page.status,
            "partner": page.partner,
            "venue": page.venue,
            "online_link": page.online_link,
            "chair": page.chair,
            "agenda_is_final": page.agenda_is_final,
            "agenda": tuple(
                AgendaEntry(item.title, item.description, item.speaker)
                for item in page.agenda_items.all()
            ),
        }
        values.update(overrides)
        return cls(**values)

    def as_json(self) -> dict:
        data = asdict(self)
        data["opening"] = self.opening.isoformat()
        data["closing"] = self.closing.isoformat()
        data["agenda"] = [asdict(entry) for entry in self.agenda]
        return data

    @classmethod
    def from_json(cls, data: dict) -> "MeetingSnapshot":
        values = dict(data)
        values["opening"] = datetime.fromisoformat(data["opening"])
        values["closing"] = datetime.fromisoformat(data["closing"])
        values["agenda"] = tuple(AgendaEntry(**entry) for entry in data.get("agenda", []))
        return cls(**values)

    @property
    def kind_label(self) -> str:
        return str(MeetingKind(self.kind).label)

    @property
    def chair_label(self) -> str:
        return self.chair or str(DMR_CHAIR)

    @property
    def status_label(self) -> str:
        return str(MeetingStatus(self.status).label)

    def differs_from(self, other: "MeetingSnapshot") -> bool:
        """Did anything a participant reads change (the status aside)?"""
        mine, theirs = self.as_json(), other.as_json()
        mine.pop("status")
        theirs.pop("status")
        return mine != theirs
