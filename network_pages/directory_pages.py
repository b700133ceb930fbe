"""The members' directory one page at a time (issue 17): a page's cost is bounded by what it
shows, not by the number of members.

The directory stays a list of member states, each a block with its Focal Points and its
national network (3.2, 3.4); a page holds whole blocks, as many as fit in about
`ROWS_PER_PAGE` rows (people and organisations), and a block larger than that is a page of
its own. Where each block falls is worked out from one query over the 46 member states,
each with how many people and organisations it lists (counted in the database): the rows
themselves are then read for the blocks of the page shown only. The Secretariat and the
member states with nobody listed close the last page.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from network_pages.directory import (
    ORGANISATION_SEARCH_FIELDS,
    PERSON_SEARCH_FIELDS,
    Directory,
    Function,
    build_directory,
    collation_key,
    listed_profiles,
    matching_every_term,
)
from network_pages.models.member_profile import MemberProfile
from network_pages.models.member_state import MemberState, every_member_state
from network_pages.models.national_network import NationalNetworkOrganisation
from nfp_site import fragments
from nfp_site.prepared_sql import prepared_rows

# About a screen and a half of tables on a laptop: 10 or so states at the network's size.
ROWS_PER_PAGE = 30
PAGE_PARAMETER = "page"


def _people_counts(query: str = "") -> QuerySet:
    """(state, function, people) of the listed people (those matching `query`)."""
    people = listed_profiles().select_related(None).order_by()
    if query:
        people = people.filter(matching_every_term(query, PERSON_SEARCH_FIELDS))
    by_function = people.values("member_state_id", "function").annotate(n=Count("pk"))
    return by_function.values_list("member_state_id", "function", "n")


def _organisation_counts(query: str = "") -> QuerySet:
    """(state, organisations) of the national networks (those matching `query`)."""
    organisations = NationalNetworkOrganisation.objects.order_by()
    if query:
        organisations = organisations.filter(matching_every_term(query, ORGANISATION_SEARCH_FIELDS))
    by_state = organisations.values("member_state_id").annotate(n=Count("pk"))
    return by_state.values_list("member_state_id", "n")


def counted_states(query: str = "") -> list[MemberState]:
    """Every member state with `nfp_people` and `nfp_organisations`, the people and
    organisations it lists (those matching `query`, if any), and `nfp_secretariat`, the
    Secretariat's people: three queries, each bounded by the number of states (counts by
    state and function, counts by state), whatever the number of members."""
    if query:
        by_function = list(_people_counts(query))
        organisations_of = dict(_organisation_counts(query))
    else:  # the whole directory: the same SQL every time, compiled once (prepared_sql)
        by_function = prepared_rows("directory.people_counts", _people_counts)
        organisations_of = dict(
            prepared_rows("directory.organisation_counts", _organisation_counts)
        )
    people_of: dict[int | None, int] = defaultdict(int)
    secretariat = 0
    for state_id, function, count in by_function:
        if function == Function.SECRETARIAT:
            secretariat += count
        elif function in MemberProfile.STATE_FUNCTIONS:
            people_of[state_id] += count
    states = every_member_state()
    for state in states:
        state.nfp_people = people_of[state.pk]
        state.nfp_organisations = organisations_of.get(state.pk, 0)
        state.nfp_secretariat = secretariat
    return states


@dataclass
class Pagination:
    """Which page of the directory is shown, where every block is, and the links to them."""

    number: int
    count: int
    # The states that have a block, in the directory's order, each with its page.
    index: list[tuple[MemberState, int]] = field(default_factory=list)
    secretariat_page: int | None = None
    unlisted: int = 0  # states with nobody listed (in the compact list of the last page)
    # The page's address and its query string's other parameters (the search), kept.
    url: str = ""
    params: dict[str, str] = field(default_factory=dict)

    @property
    def has_other_pages(self) -> bool:
        return self.count > 1

    def href(self, number: int, anchor: str = "") -> str:
        """A link to page `number` (to `anchor` on it): only the anchor on this page."""
        fragment = f"#{anchor}" if anchor else ""
        if number == self.number and anchor:
            return fragment
        params = {**self.params, **({PAGE_PARAMETER: str(number)} if number > 1 else {})}
        return f"{self.url}{'?' + urlencode(params) if params else ''}{fragment}"

    @property
    def state_links(self) -> list[tuple[MemberState, str]]:
        return [(state, self.href(number, f"state-{state.code}")) for state, number in self.index]

    @property
    def secretariat_link(self) -> str:
        return self.href(self.secretariat_page or self.count, "dmr-secretariat")

    @property
    def unlisted_link(self) -> str:
        return self.href(self.count, "states-without-members")

    @property
    def page_links(self) -> list[tuple[int, str]]:
        return [(number, self.href(number)) for number in range(1, self.count + 1)]

    @property
    def previous_link(self) -> str:
        return self.href(self.number - 1) if self.number > 1 else ""

    @property
    def next_link(self) -> str:
        return self.href(self.number + 1) if self.number < self.count else ""


STATES_NAV_TEMPLATE = "network_pages/directory/_states_nav.html"


def states_nav(pagination: Pagination) -> SafeString:
    """The list of every state with a block, each linked to where it is
    (`_states_nav.html`: 46 links), kept for the process on the whole directory's pages.
    There it is written from the active language, the page's address and number and the
    states' blocks and their pages alone, all in the key; a search's is written each time
    (its words would make a key per search)."""

    def render() -> SafeString:
        return get_template(STATES_NAV_TEMPLATE).render({"pagination": pagination})

    if pagination.params:
        return render()
    key = (
        STATES_NAV_TEMPLATE,
        get_language(),
        pagination.url,
        pagination.number,
        pagination.count,
        pagination.unlisted,
        pagination.secretariat_page,
        tuple((state.code, state.name, number) for state, number in pagination.index),
    )
    return fragments.kept(key, render)


def page_number(value: str | None, count: int) -> int:
    """The page asked for, as Django's `Paginator.get_page` reads it: the first page for
    anything that is not a number, the last for a number past it."""
    try:
        number = int(value or 1)
    except ValueError:
        return 1
    return min(max(number, 1), count)


SECRETARIAT_BLOCK = "DMR"


def lay_out(blocks: list[tuple[str, int]], rows_per_page: int | None = None) -> dict[str, int]:
    """{block: page} for the blocks (a key and its rows) that list something, in the order
    given: whole blocks, a new page when the next would overflow a page that has some."""
    rows_per_page = rows_per_page or ROWS_PER_PAGE
    pages: dict[str, int] = {}
    number, filled = 1, 0
    for key, rows in blocks:
        if not rows:
            continue
        if filled and filled + rows > rows_per_page:
            number, filled = number + 1, 0
        pages[key] = number
        filled += rows
    return pages


def _pages_of(states: list[MemberState]) -> tuple[list[MemberState], dict[str, int], int]:
    """The states in the directory's order, the page of each block, and the page count."""
    ordered = sorted(states, key=lambda state: collation_key(state.name))
    secretariat = states[0].nfp_secretariat if states else 0
    blocks = [(state.code, state.nfp_people + state.nfp_organisations) for state in ordered]
    page_of = lay_out([*blocks, (SECRETARIAT_BLOCK, secretariat)])
    return ordered, page_of, max(page_of.values(), default=1)


def page_of_state(code: str) -> int:
    """The page a state's block is on in the whole directory (the last page for a state
    with nobody listed: it is in the compact list there)."""
    _ordered, page_of, count = _pages_of(counted_states())
    return page_of.get(code, count)


def directory_page(
    states: list[MemberState],
    *,
    query: str = "",
    page: str | None = None,
    url: str = "",
    params: dict[str, str] | None = None,
) -> tuple[Directory, Pagination]:
    """Page `page` of the whole directory (no state asked for): the blocks of the states
    on it, read in two queries, with the totals of the whole listing. `states` come from
    `counted_states(query)`; `url` and `params` (the search) make the links to the pages."""
    ordered, page_of, count = _pages_of(states)
    secretariat = states[0].nfp_secretariat if states else 0
    number = page_number(page, count)
    is_last = number == count
    on_page = [state for state in ordered if page_of.get(state.code) == number]
    if is_last and not query:
        # The states with nobody listed close the directory, in one compact list.
        on_page += [state for state in ordered if state.code not in page_of]
    listing = build_directory(
        states=on_page,
        query=query,
        state_ids=[state.pk for state in on_page],
        with_secretariat=page_of.get(SECRETARIAT_BLOCK) == number,
    )
    listing.totals = (
        sum(state.nfp_people for state in states) + secretariat,
        sum(state.nfp_organisations for state in states),
    )
    pagination = Pagination(
        number=number,
        count=count,
        index=[(state, page_of[state.code]) for state in ordered if state.code in page_of],
        secretariat_page=page_of.get(SECRETARIAT_BLOCK),
        unlisted=0 if query else sum(1 for state in ordered if state.code not in page_of),
        url=url,
        params=params or {},
    )
    return listing, pagination
