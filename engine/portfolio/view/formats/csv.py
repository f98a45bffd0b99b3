"""The department view's systems as CSV, one row per system (its latest run), for a
spreadsheet: RFC 4180, CRLF line ends, and no cell that could start a formula. The staged
rollout is the `rollout_will_fail` column: the staged rules, not yet enforced, that fail the
system once they are (rule ids, space-separated)."""

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
    "rollout_will_fail",
)


class CsvView(ViewFormat):
    name = "csv"

    def render(self, document: PortfolioView) -> str:
        will_fail: dict[str, list[str]] = {}
        for rule in document.rollout:
            for system_id in rule.will_fail:
                will_fail.setdefault(system_id, []).append(rule.rule_id)
        rows = (_cells(system, will_fail.get(system.id, [])) for system in document.systems)
        return csv_text(COLUMNS, rows)


def _cells(system: SystemStatus, will_fail: list[str]) -> list[str]:
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
        " ".join(dict.fromkeys(will_fail)),
    ]
