"""Issue 13, 7: a CSV cell never starts a formula, whatever separator the reader's
spreadsheet splits it on."""

import csv
import io

import pytest

from network_pages.spreadsheets import csv_cell, text_cell
from tests.spreadsheet_support import formula_cells


def as_csv(*cells) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([csv_cell(cell) for cell in cells])
    return buffer.getvalue().encode()


@pytest.mark.parametrize(
    "value",
    [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "Yes;=1+1;",
        "Yes,=1+1",
        "Yes\t+1",
        "line\n=1",
        "a; @x",
        "  =1",
        "a;;-2",
    ],
)
def test_no_piece_of_a_cell_starts_a_formula_under_any_separator(value):
    assert formula_cells(as_csv("ok", value, "end")) == []


@pytest.mark.parametrize("value", ["", "Claire", "1+1", "a=b", "'quoted", "a; b", "x-y"])
def test_plain_text_is_left_alone(value):
    assert csv_cell(value) == value


def test_numbers_are_left_alone():
    assert csv_cell(3) == 3


def test_a_workbook_cell_only_guards_its_start():
    assert text_cell("=1") == "'=1"
    assert text_cell("Yes;=1+1;") == "Yes;=1+1;"
