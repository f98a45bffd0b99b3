"""The risk register from stored reports (`register --store URL`): the same rows and totals
as `register PATH...`, read from each system's latest report instead of its manifest (a
report carries the manifest's risks, their controls and actions: docs/report.md).

A report does not name the owning team or the manifest file, so `team` is empty and
`manifest` says which stored run the rows came from (`store:run/ID`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from engine.records.register.build import CLOSED_ACTIONS, Register, RegisterRow, SystemTotals


def register_from_reports(latest: Iterable[tuple[int, dict[str, Any]]], as_of: dt.date) -> Register:
    """The register of the given (run id, report) pairs, one per system."""
    rows: list[RegisterRow] = []
    systems: list[SystemTotals] = []
    for run_id, report in latest:
        source = f"store:run/{run_id}"
        own = [_row(report, risk, source, as_of) for risk in report.get("risks", [])]
        rows.extend(own)
        systems.append(
            SystemTotals(
                system_id=report["system"]["id"],
                system_name=report["system"]["name"],
                team="",
                manifest=source,
                risks=len(own),
                highest_residual=max((row.residual_score for row in own), default=0),
                open_actions=sum(row.open_actions for row in own),
                overdue_actions=sum(row.overdue_actions for row in own),
            )
        )
    rows.sort(key=lambda row: (-row.residual_score, row.system_id, row.risk_id, row.manifest))
    systems.sort(key=lambda s: (-s.highest_residual, s.system_id, s.manifest))
    return Register(as_of=as_of, rows=tuple(rows), systems=tuple(systems))


def _row(report: dict[str, Any], risk: dict[str, Any], source: str, as_of: dt.date) -> RegisterRow:
    residual = risk.get("residual")
    residual_likelihood = residual["likelihood"] if residual else risk["likelihood"]
    residual_impact = residual["impact"] if residual else risk["impact"]
    open_actions = [a for a in risk.get("actions", []) if a["status"] not in CLOSED_ACTIONS]
    due_dates = sorted(a["due"] for a in open_actions if a.get("due"))
    return RegisterRow(
        system_id=report["system"]["id"],
        system_name=report["system"]["name"],
        team="",
        risk_id=risk["id"],
        title=risk["title"],
        category=risk["category"],
        likelihood=risk["likelihood"],
        impact=risk["impact"],
        inherent_score=risk["likelihood"] * risk["impact"],
        residual_likelihood=residual_likelihood,
        residual_impact=residual_impact,
        residual_score=residual_likelihood * residual_impact,
        residual_basis="assessed" if residual else "inherent",
        treatment=risk.get("treatment") or "",
        owner=risk.get("owner") or "",
        open_actions=len(open_actions),
        next_due=due_dates[0] if due_dates else "",
        overdue_actions=sum(1 for due in due_dates if due < as_of.isoformat()),
        controls=tuple(risk.get("controls", [])),
        manifest=source,
    )
