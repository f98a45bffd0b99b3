"""A portfolio check's result: one report per system, and what concerns the run as a whole.

The verdict of the portfolio is the worst of its systems' (error beats fail beats pass), and
`error` when the run itself had a problem (a folder that could not be searched, a system id
used twice): a gate over many systems fails closed like a gate over one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from engine.assessment.model import Report
from engine.core.vocabulary import SEVERITY_ORDER, Verdict

PORTFOLIO_SCHEMA = "ai-assure/portfolio-check/v1"

_WORST: tuple[Verdict, ...] = ("error", "fail", "pass")


def worst(verdicts: list[Verdict]) -> Verdict:
    """error beats fail beats pass; an empty portfolio is an error (nothing was assessed)."""
    for verdict in _WORST:
        if verdict in verdicts:
            return verdict
    return "error"


@dataclass(frozen=True)
class SystemSummary:
    """What the portfolio summary keeps of one system's report (the report itself is written
    out and let go, so a run over thousands of systems stays small)."""

    path: str  # the system's folder as given or found (POSIX), its key in the summary
    id: str
    name: str
    verdict: Verdict
    tier: str  # the EU AI Act category ("unknown" when not assessed)
    assurance_level: str | None
    failed: dict[str, int]  # failed findings by severity, every severity present
    warnings: int
    waived: int
    errors: tuple[str, ...]  # the report's errors and error findings, as `check` prints them
    report_name: str = ""  # the file stem of its reports in --reports-dir ("" when none)

    @classmethod
    def of(cls, path: str, report: Report, report_name: str = "") -> SystemSummary:
        failed: dict[str, int] = dict.fromkeys(SEVERITY_ORDER, 0)
        for finding in report.findings:
            if finding.status == "fail":
                failed[finding.severity] += 1
        counts = report.counts()
        errors = [*report.errors]
        errors += [f"{f.rule_id}: {f.message}" for f in report.findings if f.status == "error"]
        level = report.assurance_level
        return cls(
            path=path,
            id=report.system.id,
            name=report.system.name,
            verdict=report.verdict,
            tier=report.tier.level,
            assurance_level=level.level if level is not None else None,
            failed=failed,
            warnings=counts["warn"],
            waived=counts["waived"],
            errors=tuple(errors),
            report_name=report_name,
        )


@dataclass(frozen=True)
class PortfolioCheck:
    as_of: str
    fail_on: str
    systems: tuple[SystemSummary, ...]  # sorted by path
    errors: tuple[str, ...] = field(default=())  # problems of the run, not of one system

    @property
    def verdict(self) -> Verdict:
        if self.errors:
            return "error"
        return worst([system.verdict for system in self.systems])

    def totals(self) -> dict[str, int]:
        """How many systems have each verdict (every verdict present)."""
        counts = Counter(system.verdict for system in self.systems)
        return {"systems": len(self.systems), **{v: counts[v] for v in ("pass", "fail", "error")}}


def duplicate_ids(systems: tuple[SystemSummary, ...]) -> list[str]:
    """A problem for each system id that two assessed systems share (the portfolio, the
    store and the register key systems by id)."""
    where: dict[str, list[str]] = {}
    for system in systems:
        if system.id != "unknown":
            where.setdefault(system.id, []).append(system.path)
    return [
        f"system id {system_id!r} is used by more than one manifest: {', '.join(paths)}"
        for system_id, paths in sorted(where.items())
        if len(paths) > 1
    ]
