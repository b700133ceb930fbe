from .announcement import Announcement
from .item_index_page import InformationItemIndexPage
from .item_page import InformationItemAttachment, InformationItemPage, InformationItemTag
from .reminder_log import ReminderLog
from .request_index_page import InformationRequestIndexPage
from .request_page import InformationRequestPage, RequestQuestion
from .response import Answer, Response, ResponseAttachment

__all__ = [
    "Announcement",
    "Answer",
    "InformationItemAttachment",
    "InformationItemIndexPage",
    "InformationItemPage",
    "InformationItemTag",
    "InformationRequestIndexPage",
    "InformationRequestPage",
    "ReminderLog",
    "RequestQuestion",
    "Response",
    "ResponseAttachment",
]
