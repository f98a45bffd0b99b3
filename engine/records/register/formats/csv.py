"""The register as CSV (RFC 4180: comma-separated, double-quoted where needed, CRLF line
ends), one row per risk under a header row of the column names. UTF-8 without a BOM.

Senior leaders open it in Excel, so no cell may start a formula: a cell beginning with `=`,
`+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice for CSV
injection), which spreadsheets show as text and never evaluate.
"""

from __future__ import annotations

from engine.records.register.build import COLUMNS, Register
from engine.records.register.formats._common import cells
from engine.records.register.formats.interface import RegisterFormat
from engine.render.spreadsheet import csv_text


class CsvRegister(RegisterFormat):
    name = "csv"

    def render(self, register: Register) -> str:
        return csv_text(COLUMNS, (cells(row) for row in register.rows))
