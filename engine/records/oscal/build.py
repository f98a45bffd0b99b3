"""OSCAL 1.1.3 JSON from assessment reports (`ai-assure report oscal`; docs/oscal.md).

Written with compliance-trestle's OSCAL models (imported here only, so only this command pays
for them):

- `catalog.json`: the controls catalogue, a group per framework, each control with its
  catalogue id as its `label` (OSCAL ids may not hold `:`);
- `component-definition.json`: the policy library as a component whose rules implement
  controls (`rule-id` properties on each implemented requirement);
- `<system>/assessment-results.json`: per system, an observation per rule finding (and per
  inherited common control), a finding per control of the report's control coverage, and the
  policy revision as the assessment plan it imports (a back-matter resource);
- `<system>/poam.json`: per system with anything to track, a POA&M item and a risk per failed
  finding (with the rule's remediation), per waived finding (`deviation-approved`), per
  exception request not approved (`deviation-requested`) and per risk the team accepts.

Everything is derived from the reports alone, so `--report` of a saved report gives the same
bytes. UUIDs are version 5 (name-based) and timestamps are the assessment date at midnight
UTC: the same reports always give the same files.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from trestle.oscal import assessment_results as ar
from trestle.oscal import catalog as cat
from trestle.oscal import common
from trestle.oscal import component as comp
from trestle.oscal import poam as pm

from engine import __version__
from engine.assessment.model import (
    ControlCoverage,
    ExceptionRecord,
    Finding,
    Report,
    RiskRecord,
)
from engine.core.assets import bundled_catalogue_dir
from engine.core.errors import AssuranceError
from engine.policy.catalogue import Control, load_catalogue_file

OSCAL_VERSION = "1.1.3"
NS = "https://ai-assure.invalid/ns/oscal"  # our property names (.invalid: a name, never fetched)
_ROOT = uuid.uuid5(uuid.NAMESPACE_URL, NS)
CATALOG_FILE = "catalog.json"
_FAILED = ("fail", "error")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,127}")
#: a control's coverage -> its OSCAL objective status (state, reason)
_OBJECTIVE = {
    ("automated", "pass"): ("satisfied", "pass"),
    ("automated", "warn"): ("satisfied", "other"),
    ("automated", "fail"): ("not-satisfied", "fail"),
    ("automated", "error"): ("not-satisfied", "fail"),
    ("automated", "waived"): ("not-satisfied", "other"),
    ("inherited", "attested"): ("satisfied", "pass"),
    ("inherited", "expired"): ("not-satisfied", "other"),
    ("not_applicable", None): ("satisfied", "other"),
    ("open", None): ("not-satisfied", "other"),
}


class OscalError(AssuranceError):
    """Reports OSCAL cannot be made from; the message says why."""


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    version: str


def bundled_frameworks() -> list[Framework]:
    """The frameworks of the bundled controls catalogue, in file order."""
    return [
        Framework(parsed.framework.id, parsed.framework.name, parsed.framework.version)
        for parsed in map(load_catalogue_file, sorted(bundled_catalogue_dir().glob("*.yaml")))
    ]


def write_oscal(
    reports: list[Report], catalogue: dict[str, Control], frameworks: Iterable[Framework]
) -> dict[str, str]:
    """Every OSCAL document, by its path relative to the output folder."""
    if not reports:
        raise OscalError("no assessment to export")
    for report in reports:
        if report.verdict == "error":
            raise OscalError(
                f"{report.system.id}: nothing was assessed (verdict error): "
                + ("; ".join(report.errors) or "see the report")
            )
    ids = oscal_ids(catalogue)
    when = _moment(max(report.as_of for report in reports))
    files = {
        CATALOG_FILE: _json(_catalog(catalogue, list(frameworks), ids, when)),
        "component-definition.json": _json(_component_definition(reports, ids, when)),
    }
    seen: set[str] = set()
    for report in reports:
        system = report.system.id
        if not _SLUG.fullmatch(system):
            raise OscalError(f"system id {system!r} is not a slug: it cannot name a folder")
        if system in seen:
            raise OscalError(f"system {system} is given twice")
        seen.add(system)
        files[f"{system}/assessment-results.json"] = _json(_assessment_results(report, ids))
        plan = _poam(report, ids)
        if plan is not None:
            files[f"{system}/poam.json"] = _json(plan)
    return files


def oscal_ids(catalogue: dict[str, Control]) -> dict[str, str]:
    """Each catalogue id as an OSCAL token: `ISO42001:A.6.2.4` -> `iso42001_a.6.2.4`."""
    ids: dict[str, str] = {}
    for control_id in catalogue:
        framework, local = control_id.split(":", 1)
        token = re.sub(r"[^a-z0-9._-]", "-", f"{framework.lower()}_{local.lower()}")
        if token in ids.values():
            raise OscalError(f"{control_id}: its OSCAL id {token} is already taken")
        ids[control_id] = token
    return ids


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_ROOT, "\x1f".join(parts)))


def _moment(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), tzinfo=dt.timezone.utc)


def _json(model: Any) -> str:
    text: str = model.oscal_serialize_json(pretty=True)
    return text + "\n"


def _prop(name: str, value: str, remarks: str | None = None) -> common.Property:
    return common.Property(name=name, ns=NS, value=value, remarks=remarks)


def _metadata(title: str, when: dt.datetime, version: str, **extra: Any) -> common.Metadata:
    return common.Metadata(
        title=title,
        last_modified=when,
        version=version,
        oscal_version=common.OscalVersion(__root__=OSCAL_VERSION),
        **extra,
    )


# --- catalog ---------------------------------------------------------------------------


def _catalog(
    catalogue: dict[str, Control],
    frameworks: list[Framework],
    ids: dict[str, str],
    when: dt.datetime,
) -> cat.Catalog:
    groups = []
    for framework in frameworks:
        controls = [c for c in catalogue.values() if c.framework == framework.id]
        if controls:
            groups.append(
                cat.Group(
                    id=re.sub(r"[^a-z0-9-]", "-", framework.id.lower()),
                    title=f"{framework.name} ({framework.version})",
                    controls=[_control(control, ids) for control in controls],
                )
            )
    return cat.Catalog(
        uuid=_uuid("catalog", __version__),
        metadata=_metadata("ai-assure controls catalogue", when, __version__),
        groups=groups,
    )


def _control(control: Control, ids: dict[str, str]) -> cat.Control:
    prose = control.summary or control.text
    parts = [common.Part(id=f"{ids[control.id]}_smt", name="statement", prose=prose)]
    return cat.Control(
        id=ids[control.id],
        title=control.title,
        props=[common.Property(name="label", value=control.id)],
        parts=parts if prose else None,
    )


# --- component definition --------------------------------------------------------------


def _rules(reports: list[Report]) -> dict[str, tuple[str, list[str]]]:
    """Each rule's title and every control it maps to (binding or not), from the findings."""
    rules: dict[str, tuple[str, set[str]]] = {}
    for report in reports:
        for finding in report.findings:
            _, controls = rules.setdefault(finding.rule_id, (finding.title, set()))
            controls.update(finding.controls)
            controls.update(item.id for item in finding.controls_not_binding)
    return {rule: (title, sorted(controls)) for rule, (title, controls) in sorted(rules.items())}


def _component_definition(
    reports: list[Report], ids: dict[str, str], when: dt.datetime
) -> comp.ComponentDefinition:
    rules = _rules(reports)
    by_control: dict[str, list[str]] = {}
    for rule, (_, controls) in rules.items():
        for control in controls:
            by_control.setdefault(control, []).append(rule)
    unknown = sorted(c for c in by_control if c not in ids)
    if unknown:
        raise OscalError(f"rules map to controls the catalogue lacks: {', '.join(unknown[:5])}")
    policy = _policies(reports)
    requirements = [
        comp.ImplementedRequirement(
            uuid=_uuid("requirement", policy, control),
            control_id=ids[control],
            description=f"Checked on every system by {', '.join(names)}.",
            props=[_prop("rule-id", rule) for rule in names],
        )
        for control, names in sorted(by_control.items())
    ]
    component = comp.DefinedComponent(
        uuid=_uuid("component", policy),
        type="software",
        title="ai-assure governance policy library",
        description="The governance team's Rego rules, evaluated by ai-assure on each AI system.",
        props=[_prop("rule", rule, remarks=title) for rule, (title, _) in rules.items()],
        control_implementations=[
            comp.ControlImplementation(
                uuid=_uuid("implementation", policy),
                source=CATALOG_FILE,
                description=f"Rules of policy {policy}, by the controls they check.",
                implemented_requirements=requirements,
            )
        ],
    )
    return comp.ComponentDefinition(
        uuid=_uuid("component-definition", policy),
        metadata=_metadata("ai-assure rules and the controls they implement", when, policy),
        components=[component],
    )


def _policies(reports: list[Report]) -> str:
    """The policy revision the reports share; OSCAL of several revisions would mix rules."""
    revisions = {f"{r.policy.source} {r.policy.revision} {r.policy.digest}" for r in reports}
    if len(revisions) > 1:
        raise OscalError(
            "the reports were made with different policies: export each revision apart ("
            + "; ".join(sorted(revisions))
            + ")"
        )
    return revisions.pop()


# --- assessment results ----------------------------------------------------------------


def _assessment_results(report: Report, ids: dict[str, str]) -> ar.AssessmentResults:
    system, when = report.system, _moment(report.as_of)
    plan = common.Resource(
        uuid=_uuid("plan", system.id, report.policy.digest),
        title=f"Policy {report.policy.source}, revision {report.policy.revision}",
        description="The governance policy revision the system was assessed against "
        "(the assessment plan).",
        props=[_prop("policy-digest", report.policy.digest)],
    )
    observations = _observations(report)
    result = ar.Result(
        uuid=_uuid("result", system.id, report.as_of, report.policy.digest),
        title=f"ai-assure check of {system.id}",
        description=f"Verdict {report.verdict} on {report.as_of} (fail on {report.fail_on}).",
        start=when,
        end=when,
        props=[_prop("verdict", report.verdict), _prop("system-id", system.id)],
        reviewed_controls=common.ReviewedControls(
            control_selections=[_selection(report, ids)],
        ),
        observations=list(observations.values()) or None,
        findings=[_finding(entry, report, ids, observations) for entry in report.control_coverage]
        or None,
    )
    return ar.AssessmentResults(
        uuid=_uuid("assessment-results", system.id, report.as_of, report.policy.digest),
        metadata=_metadata(f"Assessment of {system.name or system.id}", when, report.as_of),
        import_ap=ar.ImportAp(href=f"#{plan.uuid}"),
        results=[result],
        back_matter=common.BackMatter(resources=[plan]),
    )


def _selection(report: Report, ids: dict[str, str]) -> common.ControlSelection:
    covered = [entry.id for entry in report.control_coverage if entry.id in ids]
    if not covered:
        return common.ControlSelection(include_all=common.IncludeAll())
    return common.ControlSelection(
        include_controls=[common.SelectControlById(control_id=ids[c]) for c in covered]
    )


def _observations(report: Report) -> dict[str, common.Observation]:
    """An observation per finding (keyed by fingerprint) and per inherited control (by id)."""
    found = {finding.fingerprint: _rule_observation(finding, report) for finding in report.findings}
    for entry in report.control_coverage:
        if entry.attestation is not None:
            found[entry.id] = _attestation_observation(entry, report)
    return found


def _rule_observation(finding: Finding, report: Report) -> common.Observation:
    when = _moment(report.as_of)
    evidence = [
        common.RelevantEvidence(
            href=record.path, description=f"{record.kind} ({record.status}): sha256 {record.sha256}"
        )
        for record in report.evidence
        if record.sha256
    ]
    return common.Observation(
        uuid=_uuid("observation", report.system.id, report.as_of, finding.fingerprint),
        title=f"{finding.rule_id}: {finding.title}",
        description=finding.message,
        props=[
            _prop("rule-id", finding.rule_id),
            _prop("status", finding.status),
            _prop("severity", finding.severity),
        ],
        methods=["TEST"],
        collected=when,
        relevant_evidence=evidence if finding.status in _FAILED and evidence else None,
    )


def _attestation_observation(entry: ControlCoverage, report: Report) -> common.Observation:
    assert entry.attestation is not None
    return common.Observation(
        uuid=_uuid("attestation", report.system.id, report.as_of, entry.id),
        title=f"Common control {entry.id}, attested by {entry.attestation.attested_by}",
        description=entry.reason,
        methods=["EXAMINE"],
        collected=_moment(entry.attestation.attested_on),
        expires=_moment(entry.attestation.expires),
        relevant_evidence=[
            common.RelevantEvidence(
                href=entry.attestation.evidence,
                description=entry.attestation.statement or "the governance team's evidence",
            )
        ],
    )


def _finding(
    entry: ControlCoverage,
    report: Report,
    ids: dict[str, str],
    observations: dict[str, common.Observation],
) -> common.Finding:
    state, reason = _OBJECTIVE[(entry.status, entry.result)]
    related = [f.fingerprint for f in report.findings if f.rule_id in entry.rules]
    if entry.attestation is not None:
        related.append(entry.id)
    implementation = (
        common.ImplementationStatus(state="not-applicable")
        if entry.status == "not_applicable"
        else None
    )
    return common.Finding(
        uuid=_uuid("finding", report.system.id, report.as_of, entry.id),
        title=entry.id,
        description=entry.reason,
        props=[_prop("coverage", entry.status), *_result_prop(entry)],
        target=common.FindingTarget(
            type="objective-id",
            target_id=ids[entry.id],
            status=common.ObjectiveStatus(state=state, reason=reason),
            implementation_status=implementation,
        ),
        related_observations=[
            common.RelatedObservation(observation_uuid=observations[key].uuid) for key in related
        ]
        or None,
    )


def _result_prop(entry: ControlCoverage) -> list[common.Property]:
    return [_prop("result", entry.result)] if entry.result else []


# --- plan of action and milestones -----------------------------------------------------


def _poam(report: Report, ids: dict[str, str]) -> pm.PlanOfActionAndMilestones | None:
    """Items and risks for what the system must still do or has been let off; None when there
    is nothing to track (OSCAL requires at least one item)."""
    observations = _observations(report)
    risks: list[common.Risk] = []
    items: list[pm.PoamItem] = []
    for finding in report.findings:
        if finding.status in _FAILED or finding.status == "waived":
            risk = _finding_risk(finding, report)
            risks.append(risk)
            items.append(
                _item(finding.rule_id, finding.title, risk, observations[finding.fingerprint])
            )
    for record in report.exceptions:
        if record.status != "approved":
            risks.append(_exception_risk(record, report))
    for entry in report.risks:
        if entry.treatment == "accept":
            risks.append(_accepted_risk(entry, report))
    if not items and not risks:
        return None
    items += [
        pm.PoamItem(
            uuid=_uuid("item", risk.uuid),
            title=risk.title,
            description=risk.description,
            related_risks=[common.RelatedRisk(risk_uuid=risk.uuid)],
        )
        for risk in risks
        if not any(r.risk_uuid == risk.uuid for item in items for r in item.related_risks or [])
    ]
    used = {o.observation_uuid for item in items for o in item.related_observations or []}
    return pm.PlanOfActionAndMilestones(
        uuid=_uuid("poam", report.system.id, report.as_of, report.policy.digest),
        metadata=_metadata(
            f"Plan of action and milestones: {report.system.name or report.system.id}",
            _moment(report.as_of),
            report.as_of,
        ),
        observations=[o for o in observations.values() if o.uuid in used] or None,
        risks=risks,
        poam_items=items,
    )


def _item(rule: str, title: str, risk: common.Risk, observation: common.Observation) -> pm.PoamItem:
    return pm.PoamItem(
        uuid=_uuid("item", risk.uuid),
        title=f"{rule}: {title}",
        description=risk.description,
        related_observations=[common.RelatedObservation(observation_uuid=observation.uuid)],
        related_risks=[common.RelatedRisk(risk_uuid=risk.uuid)],
    )


def _finding_risk(finding: Finding, report: Report) -> common.Risk:
    """A failed finding (open, with its remediation) or a waived one (deviation approved)."""
    waiver = finding.waiver
    props = [_prop("rule-id", finding.rule_id), _prop("severity", finding.severity)]
    if waiver is not None:
        props += [
            _prop("ticket", waiver.ticket),
            _prop("approved-by", waiver.approved_by),
            _prop("approved-until", waiver.expires),
        ]
    return common.Risk(
        uuid=_uuid("risk", report.system.id, report.as_of, finding.fingerprint),
        title=f"{finding.rule_id}: {finding.title}",
        description=finding.message,
        statement=f"Controls at risk: {', '.join(finding.controls) or 'none that bind'}.",
        props=props,
        status="deviation-approved" if waiver is not None else "open",
        deadline=_moment(waiver.expires) if waiver is not None and waiver.expires else None,
        remediations=[
            common.Response(
                uuid=_uuid("remediation", report.system.id, report.as_of, finding.fingerprint),
                lifecycle="recommendation",
                title=f"Remediate {finding.rule_id}",
                description=finding.remediation or "See the rule's documentation.",
            )
        ],
    )


def _exception_risk(record: ExceptionRecord, report: Report) -> common.Risk:
    """An exception the team requested that governance has not approved (or that expired)."""
    status = "deviation-requested" if record.status == "unapproved" else "open"
    return common.Risk(
        uuid=_uuid("exception", report.system.id, report.as_of, record.rule, record.ticket or ""),
        title=f"Exception to {record.rule} requested ({record.status})",
        description=record.reason or "No reason given.",
        statement=f"Requested by {record.requested_by or 'the team'} under "
        f"{record.ticket or 'no ticket'}, until {record.expires or 'no date'}.",
        props=[_prop("rule-id", record.rule), _prop("exception-status", record.status)],
        status=status,
    )


def _accepted_risk(entry: RiskRecord, report: Report) -> common.Risk:
    """A risk of the system's register whose treatment is acceptance: a deviation requested;
    whether governance accepted it is rule RISK-005's finding."""
    score = entry.residual or entry
    return common.Risk(
        uuid=_uuid("register", report.system.id, report.as_of, entry.id),
        title=f"{entry.id}: {entry.title}",
        description=f"Risk register entry ({entry.category}), treatment: accept.",
        statement=f"Residual likelihood {score.likelihood} x impact {score.impact}; "
        "governance acceptance is checked by RISK-005.",
        props=[_prop("risk-id", entry.id)],
        status="deviation-requested",
    )
