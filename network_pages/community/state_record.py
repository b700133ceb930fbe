"""'Our state': one page per member state with its whole record in the network, for its
Focal Points (and deputies) and the DMR: responses, submissions, suggestions, attendance,
national network. Each app contributes its sections through a Wagtail hook:

    @hooks.register(state_record.STATE_RECORD_HOOK)
    def responses(state, user, request) -> list[state_record.RecordSection]: ...

A provider reads only the state's own rows, in a fixed number of queries.
"""

from dataclasses import dataclass, field

from wagtail import hooks

from network_pages import access
from network_pages.models import MemberProfile, MemberState

STATE_RECORD_HOOK = "nfp_state_record"


@dataclass
class Cell:
    text: str
    url: str = ""
    lang: str = ""  # member-written text keeps the language it was written in (4.6)


@dataclass
class RecordSection:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    empty: str = ""
    order: int = 100


def represented_state(user) -> MemberState | None:
    """The state a verified member answers for as its Focal Point or deputy."""
    profile = (
        MemberProfile.objects.select_related("member_state")
        .filter(user=user, is_active=True, function__in=MemberProfile.STATE_FUNCTIONS)
        .first()
    )
    return profile.member_state if profile else None


def may_read_record(user, state: MemberState) -> bool:
    """The state's own Focal Points and deputies, and the DMR (3.1: a state's drafts and
    attendance are not every member's business)."""
    if not (access.is_verified(user) and access.is_member(user)):
        return False
    if access.is_dmr(user):
        return True
    own = represented_state(user)
    return own is not None and own.pk == state.pk


def record_of(state: MemberState, user, request=None) -> list[RecordSection]:
    sections: list[RecordSection] = []
    for provider in hooks.get_hooks(STATE_RECORD_HOOK):
        sections.extend(provider(state, user, request))
    sections.sort(key=lambda section: (section.order, section.key))
    return sections
