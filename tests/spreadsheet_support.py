"""Reading a CSV export back as spreadsheets in other countries do (issue 13, 7)."""

import csv
import io

# French, German, Italian and Polish Excel split on a semicolon; others on a tab.
SEPARATORS = (",", ";", "\t")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_cells(content: bytes) -> list[tuple[str, str]]:
    """Every cell that would start a formula, read with each separator a spreadsheet may
    use; spaces before it count for nothing (some programs trim them)."""
    text = content.decode("utf-8-sig")
    found = []
    for separator in SEPARATORS:
        for line in text.splitlines():
            for row in csv.reader(io.StringIO(line), delimiter=separator):
                found += [
                    (separator, cell) for cell in row if cell.lstrip(" ").startswith(FORMULA_STARTS)
                ]
    return found
