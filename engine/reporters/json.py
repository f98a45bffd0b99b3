"""The canonical JSON report (`ai-assure/report/v1`), exactly as the report model serialises it."""

from __future__ import annotations

from engine.assessment.model import Report
from engine.reporters.interface import Reporter


class JsonReporter(Reporter):
    """Renders `Report.to_json()`: sorted keys, two-space indent, trailing newline."""

    name = "json"

    def render(self, report: Report) -> str:
        return report.to_json()
