"""The DMR's activity statistics in the admin (4.10): charts with their tables, and the
same tables as CSV and XLSX."""

import csv
import io

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from openpyxl import Workbook
from wagtail.admin.menu import MenuItem

from network_pages import access, spreadsheets
from network_pages.admin import statistics

URL_NAME = "network_statistics"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return access.is_dmr(request.user)


def menu_item(url: str) -> StatisticsMenuItem:
    return StatisticsMenuItem(_("Activity statistics"), url, icon_name="table", order=850)


class StatisticsView(View):
    template_name = "network_pages/admin/statistics.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not access.is_dmr(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, fmt: str = "") -> HttpResponse:
        series = statistics.all_series()
        if fmt == "csv":
            return _csv(series)
        if fmt == "xlsx":
            return _xlsx(series)
        return TemplateResponse(
            request,
            self.template_name,
            {
                "page_title": gettext("Activity statistics"),
                "header_icon": "table",
                "series": series,
            },
        )


def _xlsx_cell(value):
    return spreadsheets.text_cell(value) if isinstance(value, str) else value


def _csv(series: list[statistics.Series]) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for one in series:
        writer.writerow([one.title])
        writer.writerow(one.columns)
        for row in one.rows:
            writer.writerow([spreadsheets.csv_cell(value) for value in row])
        writer.writerow([])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="network-statistics.csv"'
    return access.make_private(response)


def _xlsx(series: list[statistics.Series]) -> HttpResponse:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for one in series:
        sheet = workbook.create_sheet(one.key)
        sheet.append([one.title])
        sheet.append(one.columns)
        for row in one.rows:
            sheet.append([_xlsx_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="network-statistics.xlsx"'
    return access.make_private(response)
