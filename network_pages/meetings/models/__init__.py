from .agenda_item import AgendaItem
from .agenda_suggestion import AgendaSuggestion
from .attendance import Attendance
from .calendar_feed import CalendarFeed
from .choices import MeetingKind, MeetingStatus
from .convocation import Convocation, ConvocationDelivery
from .external_participant import ExternalParticipant
from .holiday import Holiday
from .meeting_access import MeetingAccess
from .meeting_document import MeetingDocument
from .meeting_index_page import MeetingIndexPage
from .meeting_page import MeetingPage

__all__ = [
    "AgendaItem",
    "AgendaSuggestion",
    "Attendance",
    "CalendarFeed",
    "Convocation",
    "ConvocationDelivery",
    "ExternalParticipant",
    "Holiday",
    "MeetingAccess",
    "MeetingDocument",
    "MeetingIndexPage",
    "MeetingKind",
    "MeetingPage",
    "MeetingStatus",
]
