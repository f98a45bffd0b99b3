"""Staged rollout: the policies' decision on each staged rule, applied to its findings.

The governance data (`data.ai_assure.rollout`, in the signed bundle) gives a rule id the dates
its enforcement changes; package `ai_assure.enforcement` decides the phase on the assessment
date, so every evaluator decides it the same way. Here, the one place every evaluator's result
passes through, the phase is applied (docs/governance.md, staged rollout):

- `scheduled`: the rule's findings become one `not_applicable` finding, "not yet enforced:
  enforced from D";
- `warn`: its failures become warnings whose message says "will fail from D2";
- `enforced`: nothing changes.

Each finding of a staged rule records the phase, both dates and the status it has when the
rule is enforced. A rule that errored is never relaxed (fail closed). A malformed decision, or
one naming a rule the policies do not define, is an assessment error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, get_args

from engine.assessment.findings import fingerprint
from engine.assessment.model import Enforcement, EnforcementPhase, Finding
from engine.core.errors import AssuranceError
from engine.core.vocabulary import FindingStatus
from engine.policy.sources import RuleMeta

PHASES: tuple[EnforcementPhase, ...] = get_args(EnforcementPhase)
#: a rule's status when enforced is its worst finding's
_WORST: tuple[FindingStatus, ...] = ("error", "fail", "warn", "waived", "pass", "not_applicable")
_WOULD = {
    "fail": "fail it",
    "warn": "get a warning from it",
    "pass": "pass it",
    "not_applicable": "be outside its scope",
}


class EnforcementError(AssuranceError):
    """The policies' rollout decisions are malformed."""


@dataclass(frozen=True)
class Stage:
    """One staged rule's phase on the assessment date, and its dates."""

    phase: EnforcementPhase
    warn_from: str | None
    fail_from: str | None

    def schedule(self) -> str:
        """`enforced from D1 as warnings, failing from D2`, or as much of it as is dated."""
        if self.warn_from and self.fail_from:
            return f"enforced from {self.warn_from} as warnings, failing from {self.fail_from}"
        if self.warn_from:
            return f"enforced from {self.warn_from} as warnings"
        return f"enforced from {self.fail_from}"


def read_stages(decisions: Any, rules: Iterable[RuleMeta]) -> dict[str, Stage]:
    """The policies' `enforcement` decisions by rule id. Absent (a policy revision before
    staged rollout) means nothing is staged; anything malformed is refused."""
    if decisions is None:
        return {}
    if not isinstance(decisions, dict):
        raise EnforcementError("the policies returned a malformed `enforcement` decision")
    known = {rule.id for rule in rules if not rule.is_local}
    stages = {}
    for rule_id, decision in sorted(decisions.items()):
        if rule_id not in known:
            raise EnforcementError(
                f"the staged rollout names rule {rule_id!r}, which the governance policies "
                "do not define"
            )
        stages[rule_id] = _stage(rule_id, decision)
    return stages


def _stage(rule_id: str, decision: Any) -> Stage:
    if isinstance(decision, dict):
        phase, warn_from, fail_from = (decision.get(k) for k in ("phase", "warn_from", "fail_from"))
        dated = all(d is None or isinstance(d, str) for d in (warn_from, fail_from))
        if phase in PHASES and dated and (warn_from or fail_from):
            return Stage(phase, warn_from, fail_from)
    raise EnforcementError(f"malformed rollout decision for {rule_id}: {decision!r}"[:300])


def apply_enforcement(
    findings: list[Finding], stages: dict[str, Stage], system_id: str
) -> list[Finding]:
    """`findings` with each staged rule's phase applied."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule_id, []).append(finding)
    applied: list[Finding] = []
    for rule_id, group in by_rule.items():
        stage = stages.get(rule_id)
        if stage is None or any(item.status == "error" for item in group):
            applied.extend(group)
        elif stage.phase == "scheduled":
            applied.append(_scheduled(group, stage, system_id))
        else:
            applied.extend(_phased(item, stage) for item in group)
    return applied


def _record(stage: Stage, enforced_status: FindingStatus) -> Enforcement:
    return Enforcement(
        phase=stage.phase,
        warn_from=stage.warn_from,
        fail_from=stage.fail_from,
        enforced_status=enforced_status,
    )


def _scheduled(group: list[Finding], stage: Stage, system_id: str) -> Finding:
    """One `not_applicable` finding for a rule not enforced yet, saying from when, and what
    the system would get were it enforced today."""
    would = next(status for status in _WORST if any(item.status == status for item in group))
    message = (
        f"not yet enforced: {stage.schedule()}; enforced today, this system would "
        f"{_WOULD.get(would, would)}"
    )
    first = group[0]
    return replace(
        first,
        status="not_applicable",
        message=message,
        location=replace(first.location, line=1),
        manifest_path=[],
        fingerprint=fingerprint(first.rule_id, system_id, []),
        enforcement=_record(stage, would),
    )


def _phased(finding: Finding, stage: Stage) -> Finding:
    """A finding in the `warn` phase (a failure becomes a warning) or the `enforced` one."""
    update: dict[str, Any] = {"enforcement": _record(stage, finding.status)}
    if stage.phase == "warn" and finding.status == "fail":
        until = (
            f"will fail from {stage.fail_from}" if stage.fail_from else "not failed (audit only)"
        )
        update |= {"status": "warn", "message": f"{finding.message} (staged rollout: {until})"}
    return replace(finding, **update)
