"""The Statement as CSV: RFC 4180, CRLF line ends, formula-neutralised cells."""

from __future__ import annotations

from engine.records.soa.build import Soa, SoaRow
from engine.records.soa.formats.interface import SoaFormat, rules_text
from engine.render.spreadsheet import csv_text

CSV_COLUMNS = (
    "system",
    "control",
    "title",
    "group",
    "applicability",
    "status",
    "rules",
    "justification",
)


class CsvSoa(SoaFormat):
    name = "csv"

    def render(self, soa: Soa) -> str:
        """One row per control under a header of `CSV_COLUMNS`; CRLF line ends, UTF-8."""
        return csv_text(CSV_COLUMNS, (_values(soa, row) for row in soa.controls))


def _values(soa: Soa, row: SoaRow) -> list[str]:
    return [
        soa.system.id, row.id, row.title, row.group or "", row.applicability,
        row.status, rules_text(row, "; "), row.justification,
    ]  # fmt: skip
