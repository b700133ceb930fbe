"""The overview of one request: each of the 46 member states with its status, the response
rate and the numbers a chart shows (4.9: the DMR coordinates; 2.1.a: members see it too)."""

import html
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Q, QuerySet
from django.utils.functional import Promise
from django.utils.safestring import SafeString

from network_pages.directory import collation_key
from network_pages.models import MemberState
from nfp_site.prepared_sql import prepared_objects

from .models.response import Response
from .rules import StateStatus, state_status

CHART_WIDTH = 480
BAR_HEIGHT = 28
BAR_GAP = 12
LABEL_WIDTH = 150


@dataclass
class StateRow:
    state: MemberState
    status: StateStatus
    response: Response | None = None
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

    def state_with_pk(self, pk: int | None) -> MemberState | None:
        """One of the member states the overview read, by its id (None: none)."""
        return next((row.state for row in self.rows if row.state.pk == pk), None)

    def row_for(self, state: MemberState | None) -> StateRow | None:
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
    return Response.objects.filter(request_id=request_id).annotate(
        informative_answers=Count("answers", filter=Q(answers__no_information=False))
    )


@lru_cache(maxsize=16)
def _collation_order(names: tuple[str, ...]) -> tuple[int, ...]:
    """The positions of `names` in dictionary order (`collation_key`; ties as given): the same
    46 names on every request's page, so sorted once per process and language."""
    return tuple(sorted(range(len(names)), key=lambda index: collation_key(names[index])))


def build_overview(request_page) -> Overview:
    """Two queries, whatever the number of responses and answers: states and responses."""
    # A page previewed before its first save has no responses yet. Every request's page
    # asks both: their SQL is compiled once per process (prepared_sql).
    found = (
        prepared_objects("information.overview_responses", _responses_of, request_page.pk)
        if request_page.pk
        else []
    )
    responses = {r.member_state_id: r for r in found}
    states = prepared_objects("information.overview_states", MemberState.objects.all)
    order = _collation_order(tuple(state.name for state in states))
    states = [states[index] for index in order]
    rows = []
    for state in states:
        response = responses.get(state.pk)
        if response is not None:
            response.member_state = state  # spares a query per row for the access rule
        informative = response.informative_answers if response else None
        rows.append(StateRow(state, state_status(response, informative), response))
    counts = {status: 0 for status in StateStatus}
    for row in rows:
        counts[row.status] += 1
    return Overview(rows=rows, counts=counts)
