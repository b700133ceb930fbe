"""The register as CSV and XLSX, safe to open in a spreadsheet program (`spreadsheets`:
no cell runs as a formula, whatever separator the reader's program uses)."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from network_pages import spreadsheets

from .models import ActionPoint, Decision


def _cell(value):
    # Control characters have no place in a workbook (openpyxl refuses them).
    if isinstance(value, str):
        value = spreadsheets.text_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def header() -> list[str]:
    return [
        _("Meeting"),
        _("Date"),
        _("Type"),
        _("Number"),
        _("Agenda item or decision"),
        _("Text"),
        _("Owner"),
        _("Due date"),
        _("Status"),
        _("Latest progress"),
    ]


def rows(decisions: list[Decision], actions: list[ActionPoint]) -> list[list]:
    table = []
    for decision in decisions:
        table.append(
            [
                decision.meeting.title,
                f"{decision.meeting.opening:%Y-%m-%d}",
                _("Decision"),
                decision.number,
                decision.agenda_item.title if decision.agenda_item else "",
                decision.text,
                "",
                "",
                "",
                "",
            ]
        )
    for action in actions:
        progress = list(action.progress.all())
        table.append(
            [
                action.meeting.title,
                f"{action.meeting.opening:%Y-%m-%d}",
                _("Action point"),
                action.number,
                str(action.decision.label) if action.decision else "",
                action.description,
                action.owner_label,
                f"{action.due_date:%Y-%m-%d}" if action.due_date else "",
                action.get_status_display(),
                progress[0].note if progress else "",
            ]
        )
    return table


def as_csv(table: list[list]) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(buffer)
    writer.writerow(header())
    for row in table:
        writer.writerow([spreadsheets.csv_cell(value) for value in row])
    return buffer.getvalue()


def as_xlsx(table: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Register")[:31]
    sheet.append(header())
    for row in table:
        sheet.append([_cell(value) for value in row])
    for column, width in zip("ABCDEFGHIJ", (40, 12, 14, 8, 30, 80, 24, 12, 14, 60), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
