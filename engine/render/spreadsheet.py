"""Cells that spreadsheets open as text, never as formulas.

People open our CSV files in Excel, so no cell may start a formula: a cell beginning with
`=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice for CSV
injection), which spreadsheets show as text and never evaluate. A CSV file may also be
printed to a CI log, so no line of a cell may begin a workflow command either
(`engine.render.text.without_commands`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from engine.render.text import without_commands

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """`=HYPERLINK(...)` -> `'=HYPERLINK(...)`; `::error::x` -> `\\x3a:error::x`; anything
    else unchanged."""
    cell = without_commands(cell)
    return f"'{cell}" if cell.startswith(FORMULA_TRIGGERS) else cell


def csv_text(header: Sequence[str], rows: Iterable[Iterable[str]]) -> str:
    """RFC 4180 CSV (comma-separated, double-quoted where needed, CRLF line ends): the header
    row, then each row with every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue()
