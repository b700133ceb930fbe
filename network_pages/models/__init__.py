from .directory_page import DirectoryPage
from .invitation import Invitation
from .member_profile import MemberProfile
from .member_state import MemberState
from .national_network import NationalNetworkOrganisation
from .network_home_page import NetworkHomePage

__all__ = [
    "DirectoryPage",
    "Invitation",
    "MemberProfile",
    "MemberState",
    "NationalNetworkOrganisation",
    "NetworkHomePage",
]
