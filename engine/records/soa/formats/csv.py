"""The Statement as CSV: RFC 4180, CRLF line ends, formula-neutralised cells."""

from __future__ import annotations

import csv
import io

from engine.records.soa.build import Soa
from engine.records.soa.formats.interface import SoaFormat, rules_text
from engine.render.spreadsheet import neutralise

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
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for row in soa.controls:
            values = [soa.system.id, row.id, row.title, row.group or "", row.applicability]
            values += [row.status, rules_text(row, "; "), row.justification]
            writer.writerow([neutralise(value) for value in values])
        return buffer.getvalue()
