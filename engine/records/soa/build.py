"""An ISO/IEC 42001 Statement of Applicability for one system (`ai-assure report soa`).

A Statement of Applicability (ISO/IEC 42001 clause 6.1.3) lists every Annex A control, whether
it is included or excluded and why, and whether it is implemented. This is the per-system view
of it: one row per ISO42001 control of the catalogue, in Annex A order, built from an
assessment report and nothing else. The status of a control is the report's; the justification
states only facts the report holds (rule results, waivers, the risk tier). A control no rule of
the assessment maps to is `not assessed`: its applicability is for a person to state.

Formats live in `formats/`: `markdown`, `json` (`schema: ai-assure/soa/v1`, sorted keys) and
`csv` (RFC 4180, formula-neutralised cells). The same report always gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, TypedDict, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine import __version__
from engine.assessment.model import (
    REPORT_SCHEMA,
    ControlCoverage,
    ControlResult,
    CoverageStatus,
    Finding,
    PolicyRef,
    Report,
    SystemRef,
    Tier,
    Tool,
    parse_report_json,
)
from engine.core.errors import AssuranceError
from engine.core.files import read_confined
from engine.core.limits import DEFAULT_MAX_FILE_BYTES
from engine.core.vocabulary import ControlStatus, FindingStatus
from engine.policy.catalogue import Control
from engine.render.jsondoc import dumps as json_document

SOA_SCHEMA = "ai-assure/soa/v1"
FRAMEWORK = "ISO42001"

Applicability = Literal["included", "excluded", "not assessed"]
SoaStatus = Literal[
    "implemented",
    "not implemented",
    "partially implemented",
    "exception approved",
    "excluded",
    "not assessed",
]
STATUSES: tuple[SoaStatus, ...] = get_args(SoaStatus)

#: a report control status -> the Statement's status and applicability
_STATUS_OF: dict[str, tuple[SoaStatus, Applicability]] = {
    "pass": ("implemented", "included"),
    "fail": ("not implemented", "included"),
    "error": ("not implemented", "included"),
    "warn": ("partially implemented", "included"),
    "waived": ("exception approved", "included"),
    "not_applicable": ("excluded", "excluded"),
}
#: a rule's status is its worst finding's, ranked as engine.assessment.findings ranks a control's
_RULE_PRECEDENCE: tuple[FindingStatus, ...] = (
    "error",
    "fail",
    "waived",
    "warn",
    "pass",
    "not_applicable",
)
_DONE = {"error": "errored", "fail": "failed", "warn": "warned", "pass": "passed"}
_NOT_ASSESSED = (
    "not assessed by ai-assure: no rule of this assessment maps to this control;"
    " state its applicability by hand"
)


class SoaError(AssuranceError):
    """A report a Statement of Applicability cannot be made from; the message says why."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleResult(_Model):
    id: str
    status: FindingStatus


class SoaRow(_Model):
    id: str
    title: str
    group: str | None = None
    applicability: Applicability
    status: SoaStatus
    rules: list[RuleResult] = Field(default_factory=list)
    justification: str
    # the report's control coverage: automated, inherited, not_applicable or open (None for a
    # report from before common controls)
    coverage: CoverageStatus | None = None


class _RowId(TypedDict):
    id: str
    title: str
    group: str | None


class Soa(_Model):
    schema_: str = Field(SOA_SCHEMA, alias="schema")
    tool: Tool
    framework: str = FRAMEWORK
    system: SystemRef
    as_of: str
    tier: Tier
    policy: PolicyRef
    controls: list[SoaRow]
    summary: dict[SoaStatus, int]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def to_json(self) -> str:
        """Canonical serialisation: sorted keys, two-space indent, trailing newline."""
        data = self.model_dump(mode="json", by_alias=True)
        return json_document(data)


def load_report(path: Path) -> Report:
    """The report a `check --format json=FILE` wrote; `SoaError` for anything else."""
    try:
        report = parse_report_json(read_confined(path, DEFAULT_MAX_FILE_BYTES).content)
    except OSError as exc:
        raise SoaError(f"{path}: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        where += ": " if where else ""
        raise SoaError(
            f"{path}: not a report written by `check --format json` ({where}{first['msg']})"
        ) from None
    if report.schema_ != REPORT_SCHEMA:
        raise SoaError(f"{path}: schema {report.schema_!r} is not {REPORT_SCHEMA!r}")
    return report


def build_soa(report: Report, catalogue: dict[str, Control]) -> Soa:
    """The Statement for `report`: a row per ISO42001 control of `catalogue`, in Annex A order.

    `SoaError` when the report assessed nothing (verdict `error`) or does not hold together
    (a control twice, an ISO42001 control the catalogue lacks, a rule with no finding).
    """
    if report.verdict == "error":
        errored = (f"{f.rule_id}: {f.message}" for f in report.findings if f.status == "error")
        causes = "; ".join([*report.errors, *errored]) or "no cause recorded"
        raise SoaError(f"nothing was assessed (verdict error): {causes}")
    controls = sorted((c for c in catalogue.values() if c.framework == FRAMEWORK), key=_annex_order)
    results = _results(report, {control.id for control in controls})
    rule_status = _rule_statuses(report.findings)
    coverage = {entry.id: entry for entry in report.control_coverage}
    rows = [
        _with_coverage(
            _row(control, results.get(control.id), rule_status, report), coverage.get(control.id)
        )
        for control in controls
    ]
    summary = {status: sum(1 for row in rows if row.status == status) for status in STATUSES}
    return Soa(
        tool=Tool(version=__version__),
        system=report.system,
        as_of=report.as_of,
        tier=report.tier,
        policy=report.policy,
        controls=rows,
        summary=summary,
    )


def _annex_order(control: Control) -> tuple[tuple[int, ...], str]:
    """`ISO42001:A.6.1.2` -> (6, 1, 2): A.2.2 ... A.10.4, as Annex A lists them."""
    return tuple(int(part) for part in re.findall(r"\d+", control.id.split(":", 1)[1])), control.id


def _results(report: Report, known: set[str]) -> dict[str, ControlResult]:
    results: dict[str, ControlResult] = {}
    for result in report.controls:
        if not result.id.startswith(FRAMEWORK + ":"):
            continue
        if result.id in results:
            raise SoaError(f"the report lists control {result.id} twice")
        if result.id not in known:
            raise SoaError(f"the report assesses {result.id}, which the catalogue does not list")
        results[result.id] = result
    return results


def _rule_statuses(findings: Iterable[Finding]) -> dict[str, FindingStatus]:
    """Each rule's worst finding status."""
    seen: dict[str, set[str]] = {}
    for finding in findings:
        seen.setdefault(finding.rule_id, set()).add(finding.status)
    return {
        rule: next(status for status in _RULE_PRECEDENCE if status in statuses)
        for rule, statuses in seen.items()
    }


def _row(
    control: Control,
    result: ControlResult | None,
    rule_status: dict[str, FindingStatus],
    report: Report,
) -> SoaRow:
    row = _RowId(id=control.id, title=control.title, group=control.group)
    if result is None:
        return SoaRow(
            **row, applicability="not assessed", status="not assessed", justification=_NOT_ASSESSED
        )
    missing = [rule for rule in result.rules if rule not in rule_status]
    if missing:
        raise SoaError(f"the report maps {', '.join(missing)} to {control.id} with no finding")
    rules = [RuleResult(id=rule, status=rule_status[rule]) for rule in result.rules]
    status, applicability = _STATUS_OF[result.status]
    return SoaRow(
        **row,
        applicability=applicability,
        status=status,
        rules=rules,
        justification=_justification(result.status, rules, report),
    )


def _with_coverage(row: SoaRow, coverage: ControlCoverage | None) -> SoaRow:
    """The row as the report's control coverage has it: a common control the governance team
    attested (implemented, or not implemented once the attestation expired) takes the place of
    `not assessed` or of rules that do not apply; one it decided does not apply (a control no
    rule maps to) is excluded with the decision's reason."""
    if coverage is None:
        return row
    update: dict[str, object] = {"coverage": coverage.status}
    if coverage.status == "inherited":
        status: SoaStatus = "implemented" if coverage.result == "attested" else "not implemented"
        update |= {"applicability": "included", "status": status}
        update["justification"] = f"{status}: inherited: {coverage.reason}"
    elif coverage.status == "not_applicable" and row.status == "not assessed":
        update |= {"applicability": "excluded", "status": "excluded"}
        update["justification"] = f"excluded: {coverage.reason}"
    return row.model_copy(update=update)


def _justification(status: ControlStatus, rules: list[RuleResult], report: Report) -> str:
    """Why the row says what it says, from the rule results alone."""
    if status == "not_applicable":
        return (
            "excluded: every rule mapped to it is not applicable to "
            f"{_tier_phrase(report.tier.level)} ({_ids(rules)})"
        )
    lead = "not implemented: could not be assessed" if status == "error" else _STATUS_OF[status][0]
    clauses = []
    for rule_status in _RULE_PRECEDENCE:
        group = [rule for rule in rules if rule.status == rule_status]
        if not group:
            continue
        if rule_status == "waived":
            clauses += [_waived(rule.id, report) for rule in group]
        elif rule_status == "not_applicable":
            clauses.append(f"{_ids(group)} not applicable")
        else:
            clauses.append(f"{_ids(group)} {_DONE[rule_status]}")
    return f"{lead}: {'; '.join(clauses)}"


def _waived(rule_id: str, report: Report) -> str:
    """`MC-002 waived under GOV-123 until 2027-01-31`, from the waived finding's approval."""
    waiver = next(
        (f.waiver for f in report.findings if f.rule_id == rule_id and f.waiver is not None), None
    )
    if waiver is None:
        return f"{rule_id} waived"
    return f"{rule_id} waived under {waiver.ticket} until {waiver.expires}"


def _tier_phrase(level: str) -> str:
    """The system with its risk tier, as a fact beside the rules' own decisions."""
    if level == "prohibited":
        return "this system (risk tier: prohibited)"
    return f"this {level}-risk system"


def _ids(rules: Iterable[RuleResult]) -> str:
    return ", ".join(rule.id for rule in rules)
