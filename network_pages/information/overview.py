"""The overview of one request: each of the 46 member states with its status, the response
rate and the numbers a chart shows (4.9: the DMR coordinates; 2.1.a: members see it too)."""

import html
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from django.db.models import Count, Q, QuerySet
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from network_pages.directory import collation_key
from network_pages.models import MemberState
from nfp_site.prepared_sql import prepared_rows

from .models.response import Response
from .rules import StateStatus, state_status

CHART_WIDTH = 480
BAR_HEIGHT = 28
BAR_GAP = 12
LABEL_WIDTH = 150


@dataclass(frozen=True, slots=True)
class OverviewState:
    """A member state as the overview reads it: a row, not a `MemberState` (46 instances
    built per page cost more than the page's other work on them); named in the language
    of the page being built, as `MemberState.name` names it."""

    pk: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class OverviewResponse:
    """What the overview, the request's page and the DMR's list of responses read of a
    state's response: a row, not a `Response`."""

    member_state_id: int
    status: str
    updated_at: datetime
    submitted_at: datetime | None
    reopened_until: date | None
    informative_answers: int

    @property
    def is_submitted(self) -> bool:
        return self.status == Response.Status.SUBMITTED


@dataclass
class StateRow:
    state: OverviewState
    status: StateStatus
    response: OverviewResponse | None = None
    # Set by the request's page (views/requests.py): whether its reader may open the
    # response, its link and words, and when it last changed (ISO and as the page writes it).
    readable: bool = False
    response_url: str = ""
    read_label: str = ""
    changed_iso: str = ""
    changed_label: str = ""


@dataclass
class Bar:
    status: StateStatus
    count: int
    y: int
    width: int
    label_y: int


@dataclass
class Overview:
    rows: list[StateRow]
    counts: dict[StateStatus, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def responded(self) -> int:
        """States that submitted a response, including "no information" ones."""
        return self.counts[StateStatus.SUBMITTED] + self.counts[StateStatus.NO_INFORMATION]

    @property
    def response_rate(self) -> int:
        """Percentage of the member states that responded, rounded to a whole number."""
        return round(100 * self.responded / self.total) if self.total else 0

    def bars(self) -> list[Bar]:
        """A horizontal bar per status, scaled to the number of member states."""
        scale = (CHART_WIDTH - LABEL_WIDTH - 40) / max(self.total, 1)
        return [
            Bar(
                status=status,
                count=self.counts[status],
                y=index * (BAR_HEIGHT + BAR_GAP),
                width=round(self.counts[status] * scale),
                label_y=index * (BAR_HEIGHT + BAR_GAP) + BAR_HEIGHT // 2 + 5,
            )
            for index, status in enumerate(StateStatus)
        ]

    @property
    def chart_height(self) -> int:
        return len(StateStatus) * (BAR_HEIGHT + BAR_GAP)

    def rows_html(self) -> SafeString:
        """The matrix's rows, as `_overview.html` wrote them in a loop: the same markup,
        written in Python (46 rows of lookups cost ~3 ms through the template engine).
        Every value is escaped as the template escaped it (`conditional_escape`)."""
        labels = {status: _escape(status.label) for status in StateStatus}
        return SafeString("".join(_row_html(row, labels) for row in self.rows))

    def state_with_pk(self, pk: int | None) -> OverviewState | None:
        """One of the member states the overview read, by its id (None: none)."""
        return next((row.state for row in self.rows if row.state.pk == pk), None)

    def row_for(self, state: MemberState | OverviewState | None) -> StateRow | None:
        if state is None:
            return None
        return next((row for row in self.rows if row.state.pk == state.pk), None)


def _escape(value) -> str:
    """`conditional_escape(value)`, without the lazy-string wrapper around it (seven values
    in each of 46 rows)."""
    if type(value) is str:  # most of them: no markup, nothing lazy
        return html.escape(value)
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _row_html(row: StateRow, labels: dict[StateStatus, str]) -> str:
    """`labels`: each status's label, escaped (translated once per page, not once per row)."""
    e = _escape
    code, status = e(row.state.code), e(row.status.value)
    changed = (
        f'<time datetime="{e(row.changed_iso)}">{e(row.changed_label)}</time>'
        if row.response
        else ""
    )
    link = f'<a href="{e(row.response_url)}">{e(row.read_label)}</a>' if row.readable else ""
    return (
        f'\n            <tr id="state-{code}" data-state="{code}" data-status="{status}">'
        f'\n                <th scope="row">{e(row.state.name)}</th>'
        f'\n                <td class="status status--{status}">{labels[row.status]}</td>'
        f"\n                <td>{changed}</td>"
        f"\n                <td>{link}</td>"
        "\n            </tr>\n        "
    )


def _responses_of(request_id: int) -> QuerySet:
    # The annotation last: `prepared_rows` reads the columns in the order they are named.
    return (
        Response.objects.filter(request_id=request_id)
        .annotate(informative_answers=Count("answers", filter=Q(answers__no_information=False)))
        .values_list(
            "member_state_id",
            "status",
            "updated_at",
            "submitted_at",
            "reopened_until",
            "informative_answers",
        )
    )


def _states() -> QuerySet:
    return MemberState.objects.values_list("pk", "code", "name_en", "name_fr")


@lru_cache(maxsize=16)
def _collation_order(names: tuple[str, ...]) -> tuple[int, ...]:
    """The positions of `names` in dictionary order (`collation_key`; ties as given): the same
    46 names on every request's page, so sorted once per process and language."""
    return tuple(sorted(range(len(names)), key=lambda index: collation_key(names[index])))


def build_overview(request_page) -> Overview:
    """Two queries, whatever the number of responses and answers: states and responses,
    read as rows (their SQL compiled once per process: prepared_sql)."""
    # A page previewed before its first save has no responses yet.
    found = (
        prepared_rows("information.overview_response_rows", _responses_of, request_page.pk)
        if request_page.pk
        else []
    )
    responses = {row[0]: OverviewResponse(*row) for row in found}
    in_french = (get_language() or "en").startswith("fr")  # as `MemberState.name` chooses
    states = [
        OverviewState(pk, code, name_fr if in_french else name_en)
        for pk, code, name_en, name_fr in prepared_rows("information.overview_state_rows", _states)
    ]
    order = _collation_order(tuple(state.name for state in states))
    rows = []
    for index in order:
        state = states[index]
        response = responses.get(state.pk)
        informative = response.informative_answers if response else None
        rows.append(StateRow(state, state_status(response, informative), response))
    counts = {status: 0 for status in StateStatus}
    for row in rows:
        counts[row.status] += 1
    return Overview(rows=rows, counts=counts)
