"""Activity statistics for the review of the working methods (4.10), for the DMR: response
rates per request and per state, attendance per meeting, submissions and comments per
month. Each series is a table (the text equivalent) that a chart draws and a download
repeats. A fixed number of queries whatever the size of the network.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from network_pages.community.models import MemberComment
from network_pages.information.models import InformationItemPage, InformationRequestPage
from network_pages.information.models.response import Response
from network_pages.meetings.models import Attendance, MeetingPage
from network_pages.models import MemberState

MONTHS = 12
REQUESTS_SHOWN = 12
MEETINGS_SHOWN = 12
# Chart geometry (SVG user units): bars scale to the largest value.
CHART_WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 22
BAR_GAP = 8
COLUMN_CHART_HEIGHT = 180


@dataclass
class Bar:
    label: str
    value: float
    text: str  # the value as written in the table, e.g. "43 %"
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0


@dataclass
class Series:
    key: str
    title: str
    columns: list[str]
    rows: list[list]  # the table, and the download
    bars: list[Bar] = field(default_factory=list)
    horizontal: bool = True
    maximum: float = 0

    @property
    def chart_height(self) -> int:
        if self.horizontal:
            return max(len(self.bars), 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
        return COLUMN_CHART_HEIGHT + 40

    @property
    def chart_width(self) -> int:
        return CHART_WIDTH


def _lay_out_horizontal(series: Series, maximum: float) -> Series:
    scale = (CHART_WIDTH - LABEL_WIDTH - 60) / (maximum or 1)
    for number, bar in enumerate(series.bars):
        bar.x = LABEL_WIDTH
        bar.y = BAR_GAP + number * (BAR_HEIGHT + BAR_GAP)
        bar.width = round(bar.value * scale, 1)
        bar.height = BAR_HEIGHT
    series.maximum = maximum
    return series


def _lay_out_columns(series: Series) -> Series:
    series.horizontal = False
    maximum = max((bar.value for bar in series.bars), default=0) or 1
    slot = CHART_WIDTH / max(len(series.bars), 1)
    for number, bar in enumerate(series.bars):
        bar.height = round(bar.value * COLUMN_CHART_HEIGHT / maximum, 1)
        bar.width = round(slot * 0.6, 1)
        bar.x = round(number * slot + slot * 0.2, 1)
        bar.y = round(COLUMN_CHART_HEIGHT - bar.height + 10, 1)
    series.maximum = maximum
    return series


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def response_rate_per_request(states: int) -> Series:
    requests = list(
        InformationRequestPage.objects.live()
        .filter(alias_of__isnull=True)
        .annotate(
            submitted=Count("responses", filter=Q(responses__status=Response.Status.SUBMITTED))
        )
        .order_by("-deadline", "-pk")[:REQUESTS_SHOWN]
    )
    requests.reverse()  # oldest first: the rate over time
    rows, bars = [], []
    for page in requests:
        rate = _percent(page.submitted, states)
        deadline = date_format(page.deadline, "DATE_FORMAT")
        rows.append([page.title, deadline, page.submitted, states, rate])
        bars.append(Bar(label=f"{page.title} ({deadline})", value=rate, text=f"{rate} %"))
    series = Series(
        key="requests",
        title=gettext("Response rate per request"),
        columns=[
            gettext("Request"),
            gettext("Deadline"),
            gettext("States that answered"),
            gettext("Member states"),
            gettext("Response rate (%)"),
        ],
        rows=rows,
        bars=bars,
    )
    return _lay_out_horizontal(series, 100)


def response_rate_per_state() -> Series:
    requests = InformationRequestPage.objects.live().filter(alias_of__isnull=True)
    total = requests.count()
    submitted = dict(
        Response.objects.filter(status=Response.Status.SUBMITTED, request__in=requests)
        .values_list("member_state")
        .annotate(count=Count("pk"))
    )
    states = sorted(MemberState.objects.all(), key=lambda state: state.name)
    rows = [
        [state.name, submitted.get(state.pk, 0), total, _percent(submitted.get(state.pk, 0), total)]
        for state in states
    ]
    bars = [Bar(label=row[0], value=row[3], text=f"{row[3]} %") for row in rows]
    series = Series(
        key="states",
        title=gettext("Response rate per member state"),
        columns=[
            gettext("Member state"),
            gettext("Responses submitted"),
            gettext("Requests"),
            gettext("Response rate (%)"),
        ],
        rows=rows,
        bars=bars,
    )
    return _lay_out_horizontal(series, 100)


def attendance_per_meeting() -> Series:
    meetings = list(
        MeetingPage.objects.filter(alias_of__isnull=True, opening__lte=timezone.now()).order_by(
            "-opening", "-pk"
        )[:MEETINGS_SHOWN]
    )
    meetings.reverse()
    counts: dict[tuple[int, str], int] = {
        (meeting_id, response): count
        for meeting_id, response, count in Attendance.objects.filter(meeting__in=meetings)
        .values_list("meeting", "response")
        .annotate(count=Count("pk"))
    }
    rows, bars = [], []
    for meeting in meetings:
        in_person = counts.get((meeting.pk, Attendance.Response.IN_PERSON), 0)
        online = counts.get((meeting.pk, Attendance.Response.ONLINE), 0)
        absent = counts.get((meeting.pk, Attendance.Response.NOT_ATTENDING), 0)
        day = date_format(timezone.localtime(meeting.opening).date(), "DATE_FORMAT")
        rows.append([meeting.title, day, in_person, online, absent])
        bars.append(
            Bar(
                label=f"{meeting.title} ({day})",
                value=in_person + online,
                text=str(in_person + online),
            )
        )
    maximum = max((bar.value for bar in bars), default=0)
    series = Series(
        key="attendance",
        title=gettext("Attendance per meeting"),
        columns=[
            gettext("Meeting"),
            gettext("Opening"),
            gettext("In person"),
            gettext("Online"),
            gettext("Not attending"),
        ],
        rows=rows,
        bars=bars,
    )
    return _lay_out_horizontal(series, maximum)


def _months(today: datetime.date) -> list[datetime.date]:
    first = today.replace(day=1)
    months = []
    for _step in range(MONTHS):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(months))


def _per_month(queryset, field_name: str, since) -> dict[datetime.date, int]:
    rows = (
        queryset.filter(**{f"{field_name}__gte": since})
        .annotate(month=TruncMonth(field_name))
        .values("month")
        .annotate(count=Count("pk"))
        .values_list("month", "count")
    )
    result: dict[datetime.date, int] = {}
    for month, count in rows:
        day = month.date() if isinstance(month, datetime.datetime) else month
        result[day.replace(day=1)] = result.get(day.replace(day=1), 0) + count
    return result


def activity_per_month(today: datetime.date | None = None) -> tuple[Series, Series]:
    months = _months(today or timezone.localdate())
    since = timezone.make_aware(datetime.datetime.combine(months[0], datetime.time.min))
    submissions = _per_month(
        InformationItemPage.objects.filter(alias_of__isnull=True).exclude(submitted_by=None),
        "first_published_at",
        since,
    )
    comments = _per_month(MemberComment.objects.all(), "created_at", since)
    responses = _per_month(
        Response.objects.filter(status=Response.Status.SUBMITTED), "submitted_at", since
    )
    labels = [date_format(month, "YEAR_MONTH_FORMAT") for month in months]
    rows = [
        [label, submissions.get(month, 0), responses.get(month, 0), comments.get(month, 0)]
        for label, month in zip(labels, months, strict=True)
    ]
    columns = [
        gettext("Month"),
        gettext("Information shared"),
        gettext("Responses submitted"),
        gettext("Comments"),
    ]
    shared = Series(
        key="submissions",
        title=gettext("Information shared and responses submitted per month"),
        columns=columns,
        rows=rows,
        bars=[Bar(label=row[0], value=row[1] + row[2], text=str(row[1] + row[2])) for row in rows],
    )
    talk = Series(
        key="comments",
        title=gettext("Comments per month"),
        columns=[gettext("Month"), gettext("Comments")],
        rows=[[row[0], row[3]] for row in rows],
        bars=[Bar(label=row[0], value=row[3], text=str(row[3])) for row in rows],
    )
    return _lay_out_columns(shared), _lay_out_columns(talk)


def all_series() -> list[Series]:
    states = MemberState.objects.count()
    return [
        response_rate_per_request(states),
        response_rate_per_state(),
        attendance_per_meeting(),
        *activity_per_month(),
    ]
