"""Cells that spreadsheet programs show as text, never run as formulas (CSV injection).

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a
formula. A CSV file is also split on whatever separator the reader's spreadsheet uses:
a comma here, a semicolon in French, German, Italian or Polish Excel, a tab elsewhere; and
a line break starts a new row. So `Yes;=1+1;`, written as one comma-separated cell, becomes
a formula cell in those programs. Every place where a new cell may start (the beginning,
after a separator or a line break, spaces included) gets an apostrophe before a formula
character (OWASP's advice, applied to each piece a reader may cut the text into).
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A cell may start at the beginning or after any of these.
SEPARATORS = ",;\t\r\n"
_CELL_START = re.compile(r"(^|[,;\t\r\n])( *)(?=[=+\-@\t\r])")


def starts_a_formula(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


def text_cell(value: str) -> str:
    """For a workbook (XLSX), whose cells are never split: only the start matters."""
    return f"'{value}" if starts_a_formula(value) else value


def csv_cell(value):
    """For a CSV file: an apostrophe wherever a reader could see a formula start."""
    if not isinstance(value, str):
        return value
    return _CELL_START.sub(lambda match: f"{match.group(1)}{match.group(2)}'", value)
