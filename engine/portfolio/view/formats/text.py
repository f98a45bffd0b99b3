"""The department view for a terminal: the totals, then each section of the view. Every
value read from a report is made inert."""

from __future__ import annotations

from engine.portfolio.view.build import PortfolioView, StagedRule, SystemStatus
from engine.portfolio.view.formats.interface import ViewFormat
from engine.render.text import inert, plural


class TextView(ViewFormat):
    name = "text"

    def render(self, document: PortfolioView) -> str:
        totals = document.totals()
        lines = [
            f"ai-assure portfolio as of {document.as_of}: {plural(totals['systems'], 'system')}, "
            f"{plural(document.runs, 'run')} in the store",
            f"{totals['pass']} pass, {totals['fail']} fail, {totals['error']} error",
            "",
            "Systems (latest run, worst first):",
            *(_system(system) for system in document.systems),
            "",
            "Trend per framework (failed / assessed controls, oldest date first):",
            *(
                f"  {trend.framework:<16} "
                + "  ".join(f"{p.as_of} {p.failing}/{p.assessed}" for p in trend.points)
                for trend in document.frameworks
            ),
            "",
            f"Exceptions expiring within {document.within_days} days:",
            *(
                f"  {inert(e.system_id)} {inert(e.rule)}: approved until {e.approved_until} "
                f"({e.days_left} days), ticket {inert(e.ticket) or '-'}"
                for e in document.exceptions
            ),
            "",
            "Overdue DPIA and FRIA reviews:",
            *(
                f"  {inert(r.system_id)} {r.kind.upper()} {inert(r.path)}: review was due "
                f"{r.review_by} ({r.days_overdue} days overdue)"
                for r in document.reviews
            ),
            "",
            "Controls failing most (systems failing each, latest runs):",
            *(
                f"  {inert(c.control)}: {len(c.systems)} ({inert(', '.join(c.systems))})"
                for c in document.controls
            ),
            "",
            "Staged rollout (systems each staged rule fails once enforced, latest runs):",
            *(_staged(rule) for rule in document.rollout),
        ]
        return "\n".join(_none(lines)) + "\n"


def _staged(rule: StagedRule) -> str:
    dates = f"warn from {rule.warn_from or '-'}, fail from {rule.fail_from or 'not set'}"
    assessed = plural(len(rule.systems), "system")
    if rule.phase == "enforced":
        return inert(f"  {rule.rule_id} enforced ({dates}): {assessed}, no phase change left")
    failing = f" ({', '.join(rule.will_fail)})" if rule.will_fail else ""
    return inert(
        f"  {rule.rule_id} {rule.phase} ({dates}): will fail {len(rule.will_fail)} of "
        f"{assessed}{failing}"
    )


def _system(system: SystemStatus) -> str:
    trend = " ".join(point.verdict for point in system.trend)
    return (
        f"  {system.verdict.upper():<5} {inert(system.id)}: tier {system.tier}, assurance "
        f"{system.assurance_level or 'unknown'}, checked {system.last_checked} "
        f"({system.days_since} days ago), {plural(system.runs, 'run')}, {system.direction} "
        f"[{trend}]"
    )


def _none(lines: list[str]) -> list[str]:
    """A heading whose section is empty says so."""
    shown: list[str] = []
    for index, line in enumerate(lines):
        shown.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.endswith(":") and not line.startswith(" ") and not following.startswith("  "):
            shown.append("  none")
    return shown
