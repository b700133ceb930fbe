"""The members' directory (3.2) and the national migration networks (3.4).

Plain functions the directory page's routes call: who is listed, the listing grouped by
member state, who may keep a state's national network, a vCard per person and the CSV
export. Who may see the directory at all is not decided here: the page lives in the
network area, whose `before_serve_page` hook applies the one access rule (`access.py`).
"""

import csv
import io
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from network_pages import access, spreadsheets
from network_pages.models.invitation import Invitation
from network_pages.models.member_profile import MemberProfile
from network_pages.models.member_state import MemberState
from network_pages.models.national_network import NationalNetworkOrganisation
from nfp_site.prepared_sql import prepared_objects

Function = MemberProfile.Function

# Within a state, the Focal Point comes before the deputies.
FUNCTION_RANK = {Function.FOCAL_POINT: 0, Function.DEPUTY: 1}


@lru_cache(maxsize=4096)
def collation_key(text: str) -> str:
    """Sort key close to a dictionary's order in English and French: accents after letters.

    ("Suède" before "Suisse"; the database's byte order would put it after.) Kept for the
    process (a pure function of the text): every page of the directory sorts the 46 member
    states' names three times, and its people's names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# --- who is listed -------------------------------------------------------------------


def invited_not_accepted() -> Q:
    """Profiles of people invited who have not accepted yet (issue 16): they were sent an
    invitation, never used one, and have no password. Accounts created otherwise (by an
    import, by the DMR with a password) are not invitees."""
    invitations = Invitation.objects.filter(user_id=OuterRef("user_id"))
    return (
        Q(user__password__startswith=UNUSABLE_PASSWORD_PREFIX)
        & Exists(invitations)
        & ~Exists(invitations.filter(used_at__isnull=False))
    )


# What the directory's rows, the vCards and the export read of a listed person.
LISTED_FIELDS = (
    "member_state_id",
    "function",
    "institution",
    "position",
    "phone",
    "preferred_language",
    "is_active",
    "user__username",
    "user__first_name",
    "user__last_name",
    "user__email",
    "user__is_active",
    "member_state__code",
    "member_state__name_en",
    "member_state__name_fr",
)


def listed_profiles() -> QuerySet[MemberProfile]:
    """3.2: every active member of the network who has joined it; guests (1.2) are never
    listed, and invitees only once they have accepted.

    Read with what the directory, its vCards and its export show of them (not the
    accounts' passwords and dates); in no particular order (the directory sorts them as a
    dictionary would, `_person_order`)."""
    return (
        MemberProfile.objects.filter(is_active=True, user__is_active=True)
        .exclude(function=Function.GUEST)
        .exclude(invited_not_accepted())
        .select_related("user", "member_state")
        .only(*LISTED_FIELDS)
        .order_by()
    )


def _listed_organisations() -> QuerySet[NationalNetworkOrganisation]:
    """The organisations of the national networks, by name (the byte order, which breaks
    the ties of the dictionary's order the directory sorts them in), without reading
    their states' names to order them."""
    return NationalNetworkOrganisation.objects.order_by("name")


def _people_in(
    people: QuerySet[MemberProfile], state_ids: list[int], with_secretariat: bool
) -> QuerySet[MemberProfile]:
    """The Focal Points and deputies of the states `state_ids`, and the Secretariat's
    people if `with_secretariat`."""
    in_states = Q(member_state_id__in=state_ids, function__in=MemberProfile.STATE_FUNCTIONS)
    if with_secretariat:
        in_states |= Q(function=Function.SECRETARIAT)
    return people.filter(in_states)


def matching_every_term(query: str, lookups: Iterable[str]) -> Q:
    """Each word of the query must appear in one of the fields (so "Claire Dubois" works)."""
    lookups = tuple(lookups)
    condition = Q()
    for term in query.split():
        any_field = Q()
        for lookup in lookups:
            any_field |= Q(**{f"{lookup}__icontains": term})
        condition &= any_field
    return condition


PERSON_SEARCH_FIELDS = ("user__first_name", "user__last_name", "institution")
ORGANISATION_SEARCH_FIELDS = ("name", "contact_name")


def _person_order(profile: MemberProfile) -> tuple:
    return (
        FUNCTION_RANK.get(profile.function, len(FUNCTION_RANK)),
        collation_key(profile.user.last_name),
        collation_key(profile.user.first_name),
        profile.pk,
    )


# --- the listing ---------------------------------------------------------------------


@dataclass
class StateEntry:
    """A member state in the directory: its Focal Points and its national network."""

    state: MemberState
    members: list[MemberProfile]
    organisations: list[NationalNetworkOrganisation]


@dataclass
class Directory:
    states: list[StateEntry] = field(default_factory=list)
    secretariat: list[MemberProfile] = field(default_factory=list)
    # When this is one page of the listing (`directory_pages`): the people and the
    # organisations listed on every page.
    totals: tuple[int, int] | None = None

    @property
    def states_with_entries(self) -> list[StateEntry]:
        """The states with a listed member or organisation: each gets its own block."""
        return [entry for entry in self.states if entry.members or entry.organisations]

    @property
    def states_without_entries(self) -> list[StateEntry]:
        """The states with nobody listed: one compact list, not a block each."""
        return [entry for entry in self.states if not (entry.members or entry.organisations)]

    @property
    def member_count(self) -> int:
        if self.totals is not None:
            return self.totals[0]
        return sum(len(entry.members) for entry in self.states) + len(self.secretariat)

    @property
    def organisation_count(self) -> int:
        if self.totals is not None:
            return self.totals[1]
        return sum(len(entry.organisations) for entry in self.states)


def build_directory(
    *,
    state_code: str = "",
    query: str = "",
    states: Iterable[MemberState] | None = None,
    state_ids: list[int] | None = None,
    with_secretariat: bool = True,
) -> Directory:
    """The directory, grouped by member state, in three queries whatever its size.

    `states` are the member states to list, if the caller has read them already (else a
    query reads them all); then one query reads the people and one the organisations, which
    are grouped here. `state_code` keeps one state (and leaves out the Secretariat);
    `state_ids` reads only those states' people and organisations (a page of the directory,
    `directory_pages`), and the Secretariat's `with_secretariat`; `query` keeps the people
    whose name or institution, and the organisations whose name or contact person, contain
    every word of it, and the states that have any of them.
    """
    query = query.strip()
    states = list(MemberState.objects.all() if states is None else states)
    if state_code:
        states = [state for state in states if state.code == state_code]
        state_ids = [state.pk for state in states]
        with_secretariat = False
    if state_ids is not None and not query:
        # A page of the whole directory: the same SQL for every page of as many states,
        # compiled once (`prepared_sql`).
        name = f"directory.{'with' if with_secretariat else 'without'}_secretariat"
        people = prepared_objects(
            f"{name}.people",
            lambda ids: _people_in(listed_profiles(), ids, with_secretariat),
            state_ids,
        )
        organisations = prepared_objects(
            f"{name}.organisations",
            lambda ids: _listed_organisations().filter(member_state_id__in=ids),
            state_ids,
        )
    else:
        people = listed_profiles()
        organisations = _listed_organisations()
        if state_ids is not None:
            people = _people_in(people, state_ids, with_secretariat)
            organisations = organisations.filter(member_state_id__in=state_ids)
        if query:
            people = people.filter(matching_every_term(query, PERSON_SEARCH_FIELDS))
            organisations = organisations.filter(
                matching_every_term(query, ORGANISATION_SEARCH_FIELDS)
            )

    members_of: dict[int, list[MemberProfile]] = defaultdict(list)
    secretariat: list[MemberProfile] = []
    for profile in people:
        if profile.function == Function.SECRETARIAT:
            secretariat.append(profile)
        elif profile.member_state_id is not None:
            members_of[profile.member_state_id].append(profile)
    organisations_of: dict[int, list[NationalNetworkOrganisation]] = defaultdict(list)
    for organisation in organisations:
        organisations_of[organisation.member_state_id].append(organisation)

    entries = [
        StateEntry(
            state=state,
            members=sorted(members_of[state.pk], key=_person_order),
            organisations=sorted(
                organisations_of[state.pk],
                key=lambda organisation: collation_key(organisation.name),
            ),
        )
        for state in states
    ]
    if query:
        entries = [entry for entry in entries if entry.members or entry.organisations]
    entries.sort(key=lambda entry: collation_key(entry.state.name))
    return Directory(states=entries, secretariat=sorted(secretariat, key=_person_order))


# --- who keeps a national network (3.4) ----------------------------------------------


def may_manage_national_network(user, member_state: MemberState) -> bool:
    """3.4: a state's Focal Points and deputies keep its national network; the DMR (4.9) too.

    Focal Points of other states, approvers of other states and guests may only read it.
    """
    if not (user.is_active and access.is_verified(user)):
        return False
    if access.is_dmr(user):
        return True
    if not access.is_member(user):
        return False
    try:
        profile = user.member_profile
    except MemberProfile.DoesNotExist:
        return False
    return (
        profile.is_active
        and profile.function in MemberProfile.STATE_FUNCTIONS
        and profile.member_state_id == member_state.pk
    )


# --- vCard ---------------------------------------------------------------------------

VCARD_LINE_OCTETS = 75


def vcard_escape(value: str) -> str:
    """A text value as RFC 6350 (and 2426) wants it: \\ , ; and newlines escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 6350 3.2)."""
    pieces, current, size = [], "", 0
    limit = VCARD_LINE_OCTETS
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            pieces.append(current)
            # continuation lines start with a space, which counts towards their length
            current, size, limit = char, octets, VCARD_LINE_OCTETS - 1
        else:
            current += char
            size += octets
    pieces.append(current)
    return "\r\n ".join(pieces)


def vcard_for(profile: MemberProfile) -> str:
    """A vCard 3.0 for a listed person, with the contact details the directory shows."""
    user = profile.user
    role = profile.get_function_display()
    if profile.member_state_id and profile.function in MemberProfile.STATE_FUNCTIONS:
        role = _("%(function)s, %(state)s") % {
            "function": role,
            "state": profile.member_state.name,
        }
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:"
        + ";".join(vcard_escape(part) for part in (user.last_name, user.first_name, "", "", "")),
        f"FN:{vcard_escape(profile.display_name)}",
        f"ROLE:{vcard_escape(role)}",
    ]
    if profile.institution:
        lines.append(f"ORG:{vcard_escape(profile.institution)}")
    if profile.position:
        lines.append(f"TITLE:{vcard_escape(profile.position)}")
    if user.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{vcard_escape(user.email)}")
    if profile.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{vcard_escape(profile.phone)}")
    lines.append("END:VCARD")
    return "".join(f"{_fold(line)}\r\n" for line in lines)


# --- CSV export (DMR only) -----------------------------------------------------------


def csv_header() -> list[str]:
    return [
        _("State code"),
        _("State"),
        _("Name"),
        _("Function"),
        _("Institution"),
        _("Position"),
        _("Email"),
        _("Phone"),
        _("Preferred language"),
    ]


def csv_row(profile: MemberProfile) -> list[str]:
    state = profile.member_state if profile.function in MemberProfile.STATE_FUNCTIONS else None
    return [
        state.code if state else "",
        state.name if state else "",
        profile.display_name,
        profile.get_function_display(),
        profile.institution,
        profile.position,
        profile.user.email,
        profile.phone,
        profile.preferred_language,
    ]


def directory_csv(directory: Directory) -> str:
    """The listed people, state by state and then the Secretariat, one row each.

    Starts with a byte order mark so that spreadsheets read the file as UTF-8.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(csv_header())
    people = [member for entry in directory.states for member in entry.members]
    people += directory.secretariat
    for profile in people:
        writer.writerow([spreadsheets.csv_cell(str(cell)) for cell in csv_row(profile)])
    return "\ufeff" + buffer.getvalue()
