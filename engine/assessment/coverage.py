"""Control coverage: every ISO/IEC 42001 Annex A control and NIST AI RMF subcategory with
exactly one status, none left silently unassessed (docs/governance.md, common controls).

Rules automate some controls for each system; the rest are organisation-level (the AI policy,
roles, the management review), which the governance team attests once in the signed bundle
(`data.ai_assure.attestations`; package `ai_assure.common_controls` decides, on the assessment
date, whether each attestation still runs). A control's status, first that holds:

1. `automated`: a rule assessed it for this system (its result: pass, fail, warn, waived, error);
2. `inherited`: the governance team attested it (`attested`, or `expired` once stale);
3. `not_applicable`: the organisation decided it does not apply, or every rule mapped to it is
   not applicable to this system; the reason says which;
4. `open`: nobody has assessed it yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from engine.assessment.model import (
    Attestation,
    ControlCoverage,
    ControlResult,
    Finding,
)
from engine.core.errors import AssuranceError
from engine.core.shape import ShapeError, from_data
from engine.core.text import natural_key

#: the frameworks every control of which gets a status (NIST AI RMF: its subcategories)
FRAMEWORKS = ("ISO42001", "NIST-AI-RMF")
_DECISION_FIELDS = ("reason", "decided_by", "decided_on")
_DONE = {
    "pass": "passed",
    "fail": "failed",
    "warn": "warned",
    "waived": "waived",
    "error": "errored",
}


Inherited = Literal["attested", "expired"]


class CoverageError(AssuranceError):
    """The policies' common-control decisions are malformed or name unknown controls."""


@dataclass(frozen=True)
class CommonControls:
    """The governance team's attestations and not-applicable decisions, by control id."""

    #: control -> (attested or expired, the attestation)
    attested: dict[str, tuple[Inherited, Attestation]]
    #: control -> the decision, as a sentence
    not_applicable: dict[str, str]


def covered(control: str, framework: str) -> bool:
    """A control of ISO/IEC 42001 Annex A, or a subcategory (`GOVERN-1.1`) of the NIST AI RMF."""
    if framework == "NIST-AI-RMF":
        return re.fullmatch(r"[A-Z]+-\d+\.\d+", control.split(":", 1)[1]) is not None
    return framework in FRAMEWORKS


def read_common_controls(decisions: Any, catalogue: Mapping[str, str]) -> CommonControls:
    """The policies' `common_controls` decisions. Absent (a policy revision from before common
    controls) means none; anything malformed, or naming a control the catalogue lacks, is
    refused."""
    if decisions is None:
        return CommonControls({}, {})
    attested = decisions.get("attested") if isinstance(decisions, dict) else None
    not_applicable = decisions.get("not_applicable") if isinstance(decisions, dict) else None
    if not isinstance(attested, dict) or not isinstance(not_applicable, dict):
        raise CoverageError("the policies returned malformed `common_controls` decisions")
    for control in (*attested, *not_applicable):
        if control not in catalogue:
            raise CoverageError(
                f"the common-control attestations name {control!r}, which the controls "
                "catalogue does not list"
            )
    return CommonControls(
        {control: _attestation(control, value) for control, value in attested.items()},
        {control: _decision(control, value) for control, value in not_applicable.items()},
    )


def _attestation(control: str, value: Any) -> tuple[Inherited, Attestation]:
    status = value.get("status") if isinstance(value, dict) else None
    fields = {k: v for k, v in value.items() if k != "status"} if status else {}
    try:
        if status == "attested" or status == "expired":
            return status, from_data(Attestation, fields)
    except ShapeError:
        pass
    raise CoverageError(f"malformed attestation decision for {control}: {value!r}"[:300])


def _decision(control: str, value: Any) -> str:
    fields = [value.get(k) if isinstance(value, dict) else None for k in _DECISION_FIELDS]
    if not all(isinstance(field, str) for field in fields):
        raise CoverageError(f"malformed not-applicable decision for {control}: {value!r}"[:300])
    reason, by, on = fields
    return f"decided not applicable by {by} on {on}: {reason}"


def control_coverage(
    results: Iterable[ControlResult],
    findings: Iterable[Finding],
    common: CommonControls,
    catalogue: Mapping[str, str],
) -> list[ControlCoverage]:
    """One entry per covered control of `catalogue` (control id -> framework id; and per
    control the governance data names), in framework and natural order."""
    by_id = {result.id: result for result in results}
    findings = list(findings)
    named = {*common.attested, *common.not_applicable}
    controls = [
        cid for cid, framework in catalogue.items() if covered(cid, framework) or cid in named
    ]
    return [
        _coverage(control, catalogue[control], by_id.get(control), findings, common)
        for control in sorted(controls, key=natural_key)
    ]


def _coverage(
    control: str,
    framework: str,
    result: ControlResult | None,
    findings: list[Finding],
    common: CommonControls,
) -> ControlCoverage:
    entry: dict[str, Any] = {"id": control, "framework": framework}
    rules = result.rules if result is not None else []
    if result is not None and result.status != "not_applicable":
        reason = f"assessed by {', '.join(rules)}: {_DONE[result.status]}"
        return ControlCoverage(
            **entry, status="automated", result=result.status, reason=reason, rules=rules
        )
    if control in common.attested:
        status, attestation = common.attested[control]
        return ControlCoverage(
            **entry,
            status="inherited",
            result=status,
            reason=_inherited(status, attestation),
            rules=rules,
            attestation=attestation,
        )
    if control in common.not_applicable:
        reason = common.not_applicable[control]
        return ControlCoverage(**entry, status="not_applicable", reason=reason, rules=rules)
    if rules:
        return ControlCoverage(
            **entry,
            status="not_applicable",
            reason=_rules_not_applicable(rules, findings),
            rules=rules,
        )
    return ControlCoverage(
        **entry,
        status="open",
        reason="no rule assesses it and no common-control attestation covers it: attest it in "
        "the governance data or assess it by hand",
    )


def _inherited(status: Inherited, attestation: Attestation) -> str:
    if status == "attested":
        return (
            f"common control attested by {attestation.attested_by} on {attestation.attested_on}, "
            f"runs until {attestation.expires}; evidence: {attestation.evidence}"
        )
    return (
        f"common control attestation by {attestation.attested_by} expired on "
        f"{attestation.expires}: stale until renewed; evidence: {attestation.evidence}"
    )


def _rules_not_applicable(rules: list[str], findings: list[Finding]) -> str:
    """`every rule mapped to it is not applicable to this system: GEN-001 (...)`."""
    messages = {f.rule_id: f.message for f in reversed(findings) if f.rule_id in rules}
    said = [f"{rule} ({messages.get(rule, 'not applicable')})" for rule in rules]
    return "every rule mapped to it is not applicable to this system: " + "; ".join(said)
