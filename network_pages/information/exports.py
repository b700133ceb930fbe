"""The compilation as CSV and XLSX spreadsheets, safe to open in a spreadsheet program."""

import csv
import io

from django.utils import formats
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from network_pages import spreadsheets

from .compilation import Compilation


def _xlsx_cell(value):
    # Control characters have no place in a workbook (openpyxl refuses them).
    if isinstance(value, str):
        value = spreadsheets.text_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def header() -> list[str]:
    return [
        _("Question number"),
        _("Question"),
        _("Member state"),
        _("Responder"),
        _("Language of the response"),
        _("Answer"),
        _("No information available"),
        _("Submitted"),
    ]


def rows(compilation: Compilation) -> list[list]:
    """One row per answer: question, state, responder and language of each answer."""
    table = []
    for question in compilation.questions:
        for answer in question.answers:
            submitted = (
                formats.date_format(answer.submitted_at, "Y-m-d H:i") if answer.submitted_at else ""
            )
            table.append(
                [
                    question.number,
                    question.text,
                    answer.state,
                    answer.responder,
                    answer.language.upper(),
                    answer.text,
                    _("yes") if answer.no_information else _("no"),
                    submitted,
                ]
            )
    return table


def as_csv(compilation: Compilation) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(buffer)
    writer.writerow(header())
    for row in rows(compilation):
        writer.writerow([spreadsheets.csv_cell(value) for value in row])
    return buffer.getvalue()


def as_xlsx(compilation: Compilation, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Compilation")[:31]
    sheet.append(header())
    for row in rows(compilation):
        sheet.append([_xlsx_cell(value) for value in row])
    for column, width in zip("ABCDEFGH", (10, 50, 22, 24, 10, 80, 12, 18), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    workbook.properties.title = title[:255]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
