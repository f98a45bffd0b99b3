"""What a candidate policy revision changes for a portfolio (`ai-assure policy impact`).

Built from each system's report under the baseline and under the candidate revision
(engine/assessment/impact.py assesses both from one reading of the system). Per system and
rule, a rule's outcome is its worst finding (error, fail, waived, warn, pass, not applicable)
and the highest severity among its findings; a change is one of

- `newly_failing`: the candidate fails (or errors) a rule the baseline did not;
- `newly_passing`: the baseline failed (or errored) a rule the candidate does not;
- `severity_changed`: both fail it, at another severity.

A system the baseline passes and the candidate fails (or cannot assess) is **breaking**.
Compared from a results store, a system whose runs all lack a stored input (its reports were
ingested, not checked into the store) cannot be evaluated again: it is listed under
`not_reevaluable`, counted in the summary, and neither passes nor fails.
`rollout` lists, from the candidate's staged rules (docs/governance.md), the systems each
rule will fail once it reaches its `fail_from` date: what the next rollout phase change does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from engine import __version__
from engine.assessment.model import Finding, PolicyRef, Report, Tool
from engine.core.text import natural_key
from engine.core.vocabulary import FindingStatus, Severity, Verdict, is_severity, severity_rank
from engine.render.jsondoc import dumps as json_document
from engine.render.text import plural

IMPACT_SCHEMA = "ai-assure/impact/v1"
ChangeKind = Literal["newly_failing", "newly_passing", "severity_changed"]
KINDS: tuple[ChangeKind, ...] = ("newly_failing", "newly_passing", "severity_changed")
_WORST: tuple[FindingStatus, ...] = ("error", "fail", "waived", "warn", "pass", "not_applicable")
_FAILING = ("fail", "error")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleOutcome(_Model):
    status: FindingStatus
    severity: Severity
    message: str  # the first finding's message with that status


class Change(_Model):
    rule_id: str
    title: str
    kind: ChangeKind
    baseline: RuleOutcome | None  # None: the baseline has no such rule
    candidate: RuleOutcome | None  # None: the candidate dropped the rule

    @property
    def shown(self) -> RuleOutcome:
        """The outcome to show: the candidate's, or the baseline's for a dropped rule."""
        outcome = self.candidate or self.baseline
        if outcome is None:
            raise ValueError(f"{self.rule_id}: a change has an outcome on one side at least")
        return outcome


class SystemImpact(_Model):
    id: str
    name: str
    baseline: Verdict
    candidate: Verdict
    breaking: bool  # passes under the baseline, fails or errors under the candidate
    changes: list[Change] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)  # why the candidate could not assess it


class Upcoming(_Model):
    """A staged rule of the candidate and the systems it will fail from `fail_from`."""

    rule_id: str
    title: str
    phase: str
    fail_from: str
    systems: list[str]


class Summary(_Model):
    systems: int
    breaking: int
    newly_failing: int  # rule changes, over all systems
    newly_passing: int
    severity_changed: int
    unassessed: int  # systems the baseline could not assess
    not_reevaluable: int = 0  # systems in the store with no stored input

    def line(self, rollout: list[Upcoming]) -> str:
        """`2 of 1000 systems newly fail (5 rules newly failing, ...); ...` in one line."""
        text = (
            f"{self.breaking} of {self.systems} systems newly fail; {self.newly_failing} rule "
            f"results newly failing, {self.newly_passing} newly passing, "
            f"{self.severity_changed} with a changed severity"
        )
        if self.unassessed:
            text += f"; {plural(self.unassessed, 'system')} not assessed under the baseline"
        if self.not_reevaluable:
            text += f"; {plural(self.not_reevaluable, 'system')} not re-evaluable: no stored input"
        for item in rollout:
            text += (
                f"; {item.rule_id} will fail {plural(len(item.systems), 'system')} from "
                f"{item.fail_from}"
            )
        return text


class Impact(_Model):
    schema_: str = Field(IMPACT_SCHEMA, alias="schema")
    tool: Tool
    as_of: str
    fail_on: str
    baseline: PolicyRef
    candidate: PolicyRef
    summary: Summary
    systems: list[SystemImpact]  # every system, sorted by id
    rollout: list[Upcoming] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)  # systems not assessed, duplicate ids
    not_reevaluable: list[str] = Field(default_factory=list)  # ids: no stored input (--store)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def changed(self) -> list[SystemImpact]:
        return [system for system in self.systems if system.changes or system.breaking]

    def to_json(self) -> str:
        """Canonical serialisation: sorted keys, two-space indent, trailing newline."""
        return json_document(self.model_dump(mode="json", by_alias=True))


def build_impact(
    pairs: Iterable[tuple[Report, Report]],
    problems: Iterable[str] = (),
    not_reevaluable: Iterable[str] = (),
) -> Impact:
    """The impact of the candidate over the baseline, from (baseline, candidate) reports;
    `not_reevaluable` names the systems of a store that have no input to evaluate."""
    unevaluated = sorted(not_reevaluable, key=natural_key)
    pairs = list(pairs)
    if not pairs:
        raise ValueError("no system to compare")
    errors = list(problems)
    systems: dict[str, SystemImpact] = {}
    for baseline, candidate in pairs:
        system = baseline.system.id
        if baseline.verdict == "error":
            errors.append(
                f"{system}: not assessed under the baseline: {'; '.join(baseline.errors)}"
            )
            continue
        if system in systems:
            errors.append(f"{system}: the system id is used by two manifests")
            continue
        systems[system] = _system(baseline, candidate)
    listed = [systems[key] for key in sorted(systems)]
    reference = pairs[0]
    rollout = _rollout(candidate for _, candidate in pairs)
    summary = Summary(
        systems=len(pairs),
        breaking=sum(s.breaking for s in listed),
        **{kind: sum(c.kind == kind for s in listed for c in s.changes) for kind in KINDS},
        unassessed=sum(baseline.verdict == "error" for baseline, _ in pairs),
        not_reevaluable=len(unevaluated),
    )
    return Impact(
        tool=Tool(version=__version__),
        as_of=reference[0].as_of,
        fail_on=reference[0].fail_on,
        baseline=reference[0].policy,
        candidate=reference[1].policy,
        summary=summary,
        systems=listed,
        rollout=rollout,
        errors=sorted(errors),
        not_reevaluable=unevaluated,
    )


def _system(baseline: Report, candidate: Report) -> SystemImpact:
    before, after = _outcomes(baseline.findings), _outcomes(candidate.findings)
    titles = {f.rule_id: f.title for f in [*baseline.findings, *candidate.findings]}
    changes = []
    for rule in sorted(set(before) | set(after)):
        kind = _kind(before.get(rule), after.get(rule))
        if kind is not None:
            changes.append(
                Change(
                    rule_id=rule,
                    title=titles[rule],
                    kind=kind,
                    baseline=before.get(rule),
                    candidate=after.get(rule),
                )
            )
    return SystemImpact(
        id=baseline.system.id,
        name=baseline.system.name,
        baseline=baseline.verdict,
        candidate=candidate.verdict,
        breaking=baseline.verdict == "pass" and candidate.verdict != "pass",
        changes=changes,
        errors=candidate.errors,
    )


def _outcomes(findings: Iterable[Finding]) -> dict[str, RuleOutcome]:
    """Each rule's worst status, with the highest severity among findings of that status."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.rule_id, []).append(finding)
    outcomes = {}
    for rule, group in grouped.items():
        status = next(s for s in _WORST if any(f.status == s for f in group))
        worst = min(
            (f for f in group if f.status == status), key=lambda f: severity_rank(f.severity)
        )
        outcomes[rule] = RuleOutcome(status=status, severity=worst.severity, message=worst.message)
    return outcomes


def _kind(before: RuleOutcome | None, after: RuleOutcome | None) -> ChangeKind | None:
    failed_before = before is not None and before.status in _FAILING
    failing_after = after is not None and after.status in _FAILING
    if failing_after and not failed_before:
        return "newly_failing"
    if failed_before and not failing_after:
        return "newly_passing"
    if failed_before and failing_after and before and after and before.severity != after.severity:
        return "severity_changed"
    return None


def _rollout(candidates: Iterable[Report]) -> list[Upcoming]:
    """Per staged rule of the candidate not failing yet, the systems whose gate it will fail
    from its `fail_from` date (its findings would fail at or above the report's --fail-on)."""
    rules: dict[str, Upcoming] = {}
    systems: dict[str, set[str]] = {}
    for report in candidates:
        for finding in report.findings:
            stage = finding.enforcement
            if stage is None or stage.phase == "enforced" or stage.fail_from is None:
                continue
            rules.setdefault(
                finding.rule_id,
                Upcoming(
                    rule_id=finding.rule_id,
                    title=finding.title,
                    phase=stage.phase,
                    fail_from=stage.fail_from,
                    systems=[],
                ),
            )
            failing = systems.setdefault(finding.rule_id, set())
            if stage.enforced_status in _FAILING and _gates(report.fail_on, finding.severity):
                failing.add(report.system.id)
    return [
        rules[rule].model_copy(update={"systems": sorted(systems[rule])}) for rule in sorted(rules)
    ]


def _gates(fail_on: str, severity: Severity) -> bool:
    """Whether a failure of `severity` fails a gate run with `--fail-on fail_on`."""
    return is_severity(fail_on) and severity_rank(severity) <= severity_rank(fail_on)
