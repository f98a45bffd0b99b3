"""The department view's systems as CSV, one row per system (its latest run), for a
spreadsheet: RFC 4180, CRLF line ends, and no cell that could start a formula."""

from __future__ import annotations

from engine.portfolio.view.build import PortfolioView, SystemStatus
from engine.portfolio.view.formats.interface import ViewFormat
from engine.render.spreadsheet import csv_text

COLUMNS = (
    "system_id",
    "system_name",
    "verdict",
    "tier",
    "assurance_level",
    "last_checked",
    "days_since_check",
    "runs",
    "direction",
    "failed_findings",
    "verdict_trend",
    "commit",
    "policy_revision",
)


class CsvView(ViewFormat):
    name = "csv"

    def render(self, document: PortfolioView) -> str:
        return csv_text(COLUMNS, (_cells(system) for system in document.systems))


def _cells(system: SystemStatus) -> list[str]:
    return [
        system.id,
        system.name,
        system.verdict,
        system.tier,
        system.assurance_level or "",
        system.last_checked,
        str(system.days_since),
        str(system.runs),
        system.direction,
        str(system.trend[-1].failed),
        " ".join(point.verdict for point in system.trend),
        system.commit or "",
        system.policy_revision,
    ]
