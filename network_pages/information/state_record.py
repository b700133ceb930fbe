"""A member state's responses and the information it shared, for 'Our state'."""

from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext

from network_pages.community.activity import ReaderUrls
from network_pages.community.state_record import Cell, RecordSection

from .models import InformationItemPage, InformationRequestPage
from .models.response import Response

SHOWN = 100  # the latest requests and items; older ones stay on their own pages


def responses_section(state, urls: ReaderUrls) -> RecordSection:
    requests = list(
        InformationRequestPage.objects.live()
        .filter(alias_of__isnull=True)
        .order_by("-deadline", "-pk")[:SHOWN]
    )
    statuses = dict(
        Response.objects.filter(member_state=state, request__in=requests).values_list(
            "request_id", "status"
        )
    )
    links = urls.map(requests)
    rows = []
    for page in requests:
        status = statuses.get(page.pk)
        url = links.get(page.pk, "")
        if status:
            url = format_lazy("{}{}", url, page.reverse_subpage("response", args=[state.code]))
        label = {
            Response.Status.SUBMITTED: gettext("Submitted"),
            Response.Status.DRAFT: gettext("Draft"),
        }.get(status, gettext("Not started"))
        rows.append(
            [
                Cell(page.title, url, lang=page.language),
                Cell(date_format(page.deadline, "DATE_FORMAT")),
                Cell(page.get_status_display()),
                Cell(label),
            ]
        )
    return RecordSection(
        key="responses",
        title=gettext("Responses to information requests"),
        columns=[
            gettext("Request"),
            gettext("Deadline"),
            gettext("Request status"),
            gettext("Response"),
        ],
        rows=rows,
        empty=gettext("No information request yet."),
        order=10,
    )


def items_section(state, urls: ReaderUrls) -> RecordSection:
    items = list(
        InformationItemPage.objects.filter(alias_of__isnull=True, member_state=state).order_by(
            "-pk"
        )[:SHOWN]
    )
    links = urls.map([item for item in items if item.live])
    rows = [
        [
            Cell(item.title, links.get(item.pk, "")),
            Cell(gettext("Good practice") if item.good_practice else gettext("Information")),
            Cell(
                gettext("Published")
                if item.live
                else gettext("Waiting for review by the DMR Secretariat")
            ),
        ]
        for item in items
    ]
    return RecordSection(
        key="submissions",
        title=gettext("Information shared"),
        columns=[gettext("Title"), gettext("Type"), gettext("Status")],
        rows=rows,
        empty=gettext("The state has not shared information yet."),
        order=20,
    )


def information_record(state, user, request=None) -> list[RecordSection]:
    urls = ReaderUrls.of(request)
    return [responses_section(state, urls), items_section(state, urls)]
