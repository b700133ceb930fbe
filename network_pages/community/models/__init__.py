# Records first: the page types below build on them.
from .follow import Follow
from .member_comment import MemberComment
from .membership import Membership
from .notification import Notification
from .notification_preference import Delivery, Kind, NotificationPreference
from .rapporteur import Rapporteur

# Page types.
from .rapporteur_list_page import RapporteurListPage
from .thematic_group_index_page import ThematicGroupIndexPage
from .thematic_group_page import ThematicGroupPage, ThematicSessionLink
from .thematic_group_update_page import ThematicGroupUpdatePage, UpdateDocument
from .working_methods_page import WorkingMethodsPage

__all__ = [
    "Delivery",
    "Follow",
    "Kind",
    "MemberComment",
    "Membership",
    "Notification",
    "NotificationPreference",
    "Rapporteur",
    "RapporteurListPage",
    "ThematicGroupIndexPage",
    "ThematicGroupPage",
    "ThematicGroupUpdatePage",
    "ThematicSessionLink",
    "UpdateDocument",
    "WorkingMethodsPage",
]
