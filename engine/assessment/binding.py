"""A finding names a control of a legal framework only where it binds (docs/classification.md).

The policies decide, for every control of the EU AI Act, the UK GDPR, the DPA 2018 and the
ATRS, whether it binds this system (`obligations`); here that decision is applied, the one
way for every finding:

- a legal control that binds stays in `controls`; one that does not (not applicable, advisory,
  upcoming, undetermined) moves to `controls_not_binding` with the policies' reason, so it is
  never failed; controls of voluntary frameworks (ISO/IEC 42001, the NIST AI RMF, the AI
  Playbook, the AI Cyber Security Code of Practice) always stay;
- a failed or warned finding naming a binding control whose legal floor is above the rule's
  severity is raised to it (a binding obligation of a high-risk system is at least high, a
  prohibited practice critical), and `severity_raised_by` says which control did it;
- each control's result carries its binding, and a control named only where it does not bind
  is `not_applicable` with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from engine.assessment.classification import Obligations
from engine.assessment.findings import control_results
from engine.assessment.model import Binding, ControlBinding, ControlResult, Finding
from engine.core.vocabulary import is_severity, severity_rank

_RAISED = ("fail", "warn")


def apply_binding(findings: Iterable[Finding], obligations: Obligations) -> list[Finding]:
    """Each finding with its controls split by whether they bind, and its severity raised to
    the floor of a binding control."""
    return [_bound(finding, obligations) for finding in findings]


def _bound(finding: Finding, obligations: Obligations) -> Finding:
    kept: list[str] = []
    not_binding: list[ControlBinding] = []
    for control in finding.controls:
        binding = obligations.binding(control) if obligations.is_legal(control) else None
        if binding is None or binding.status == "binds":
            kept.append(control)
        else:
            not_binding.append(binding.of_control(ControlBinding, control))
    severity, raised_by = finding.severity, []
    if finding.status in _RAISED:
        for control in kept:
            floor = obligations.floor(control) if obligations.is_legal(control) else ""
            if is_severity(floor) and severity_rank(floor) < severity_rank(finding.severity):
                raised_by.append(control)
                if severity_rank(floor) < severity_rank(severity):
                    severity = floor
    return replace(
        finding,
        controls=kept,
        controls_not_binding=sorted(not_binding, key=lambda item: item.id),
        severity=severity,
        severity_raised_by=sorted(raised_by),
    )


def bound_control_results(
    findings: Iterable[Finding], obligations: Obligations
) -> list[ControlResult]:
    """Each control's status (its worst finding where it binds) with its binding; controls
    named only where they do not bind are `not_applicable`, with the reason."""
    findings = list(findings)
    results = {
        result.id: replace(result, binding=_binding_of(result.id, obligations))
        for result in control_results(findings)
    }
    for finding in findings:
        for item in finding.controls_not_binding:
            if item.id in results:
                continue
            results[item.id] = ControlResult(
                id=item.id,
                status="not_applicable",
                rules=sorted({f.rule_id for f in findings if _names(f, item.id)}),
                binding=obligations.binding(item.id),
            )
    return [results[cid] for cid in sorted(results)]


def _binding_of(control: str, obligations: Obligations) -> Binding | None:
    return obligations.binding(control) if obligations.is_legal(control) else None


def _names(finding: Finding, control: str) -> bool:
    return any(item.id == control for item in finding.controls_not_binding)
