"""A realistic report, built by hand, that every reporter test renders.

It holds every finding status, every severity, controls from several frameworks, one rule
with two findings, an evidence file that failed to parse, an applied exception, and
messages full of characters the output formats must escape (`%`, newlines, `:`, `,`,
`<`, `&`, quotes). `error_report` is the same assessment when the gate could not finish.
The consumers' own schemas validate the outputs: `sarif_validators` (both SARIF 2.1.0
schemas; `sarif_validator` is each in turn) and `junit_schema` (the strict JUnit XSD).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from jsonschema import Draft4Validator, Draft202012Validator

from engine.assessment.model import (
    AssuranceLevel,
    AssuranceReason,
    ControlBinding,
    EuAiAct,
    EvidenceRecord,
    ExceptionRecord,
    Finding,
    Ground,
    Location,
    PolicyRef,
    Report,
    SystemRef,
    Tier,
    Tool,
    Waiver,
)

TRICKY_MESSAGE = (
    "DPIA status is \"draft\", not 'approved': 100% of sign-offs missing,\n"
    "see <docs/dpia.yaml> & the ICO template"
)


def finding(rule_id: str, status: str, severity: str = "high", **overrides: object) -> Finding:
    """A finding with sensible defaults; tests override only what they are about."""
    values: dict[str, object] = {
        "rule_id": rule_id,
        "title": f"{rule_id} check",
        "severity": severity,
        "status": status,
        "message": f"{rule_id} {status}",
        "controls": ["ISO42001:A.6.2.4"],
        "location": Location(path="ai-manifest.yaml", line=1),
        "fingerprint": f"fp-{rule_id.lower()}-{status}",
        "remediation": f"Fix {rule_id}.",
    }
    values.update(overrides)
    return Finding(**values)  # type: ignore[arg-type]


def make_report(findings: list[Finding], **overrides: object) -> Report:
    """A report around `findings` with the fixture system, tier and policy."""
    values: dict[str, object] = {
        "tool": Tool(version="0.1.0"),
        "system": SystemRef(id="probation-risk-assistant", name="Probation Risk Assistant"),
        "as_of": "2026-05-01",
        "fail_on": "high",
        "tier": Tier(
            level="high",
            reasons=[
                "EU AI Act Annex III area: administration_of_justice",
                "UK GDPR: personal data is processed",
            ],
        ),
        "verdict": "fail",
        "policy": PolicyRef(source="bundled", revision="0.1.0", digest="sha256:3f2a9c"),
        "findings": findings,
    }
    values.update(overrides)
    return Report(**values)  # type: ignore[arg-type]


FINDINGS = [
    finding(
        "PROH-001",
        "fail",
        "critical",
        title="No prohibited AI practice is declared",
        message="A prohibited practice is declared: Art.5(1)(c), social scoring",
        controls=["EU-AI-ACT:Art.5", "ISO42001:A.2.2"],
        location=Location(path="ai-manifest.yaml", line=14),
        fingerprint="9d1e0c2b7a4f",
        remediation="Remove the practice; prohibited practices cannot be waived.",
        help_uri="https://example.gov.uk/ai-assure/rules/PROH-001",
    ),
    finding(
        "DPIA-001",
        "fail",
        "high",
        title="An approved DPIA exists when personal data is processed",
        message=TRICKY_MESSAGE,
        controls=["UK-GDPR:Art.35", "ISO42001:A.5.2", "EU-AI-ACT:Art.26"],
        location=Location(path="docs/dpia.yaml", line=3),
        fingerprint="1b7c44e0aa31",
        remediation="Complete the DPIA template & record the DPO's sign-off (status: approved).",
    ),
    finding(
        "EVAL-002",
        "fail",
        "high",
        title="Evaluation covers every protected characteristic",
        message="Evaluation report has no results for: age, sex",
        controls=["NIST-AI-RMF:MEASURE-2.11", "ISO42001:A.7.4"],
        location=Location(path="reports/eval.json", line=1),
        fingerprint="52aa0e9f1c3d",
        remediation="Re-run the bias evaluation across all protected characteristics.",
    ),
    finding(
        "EVAL-002",
        "fail",
        "high",
        title="Evaluation covers every protected characteristic",
        message="Evaluation report has no results for: disability",
        controls=["NIST-AI-RMF:MEASURE-2.11", "ISO42001:A.7.4"],
        location=Location(path="reports/eval-holdout.json", line=1),
        fingerprint="52aa0e9f1c3e",
        remediation="Re-run the bias evaluation across all protected characteristics.",
    ),
    finding(
        "MON-001",
        "warn",
        "medium",
        title="The monitoring plan has a review date",
        message="monitoring plan has no review_by date; add one within 12 months",
        controls=["NIST-AI-RMF:MANAGE-4.1", "ISO42001:A.6.2.6"],
        location=Location(path="ai-manifest.yaml", line=41),
        fingerprint="77e1d0c9b8a2",
        remediation="Add `review_by: YYYY-MM-DD` to docs/monitoring.md front matter.",
    ),
    finding(
        "ATRS-001",
        "warn",
        "low",
        title="An ATRS record is published",
        message="ATRS record is a draft, publish it before public beta",
        controls=["UK-ATRS:Tier2"],
        location=Location(path="transparency/atrs.yaml", line=2),
        fingerprint="0c3b5e6f7d81",
        remediation="Publish the ATRS record.",
    ),
    finding(
        "SUPP-001",
        "error",
        "medium",
        title="Supplier assessment is complete",
        message="suppliers/vendor.yaml could not be parsed: mapping values are not allowed here",
        controls=["ISO42001:A.10.3", "UK-AI-CYBER-COP:P6"],
        location=Location(path="suppliers/vendor.yaml", line=4),
        fingerprint="e4f5a6b7c8d9",
        remediation="Fix the YAML syntax of the supplier assessment.",
    ),
    finding(
        "DPIA-002",
        "waived",
        "high",
        title="The DPIA has been reviewed in the last 12 months",
        message="DPIA review is overdue (last review 2024-11-02)",
        controls=["UK-GDPR:Art.35"],
        location=Location(path="docs/dpia.yaml", line=9),
        fingerprint="a1b2c3d4e5f6",
        remediation="Review the DPIA.",
        waiver=Waiver(ticket="GOV-123", approved_by="Head of AI Assurance", expires="2026-07-01"),
    ),
    finding(
        "SBOM-001",
        "pass",
        "high",
        title="An SBOM lists the model and its dependencies",
        message="SBOM present",
        controls=["UK-AI-CYBER-COP:P6", "NIST-AI-RMF:MAP-4.1"],
        location=Location(path="sbom.cdx.json", line=1),
        fingerprint="f0e1d2c3b4a5",
    ),
    finding(
        "MCARD-001",
        "pass",
        "medium",
        title="Every model has a model card",
        message="model card present",
        controls=["ISO42001:A.6.2.7"],
        location=Location(path="docs/model-card.md", line=1),
        fingerprint="aa00bb11cc22",
    ),
    finding(
        "GPAI-001",
        "not_applicable",
        "info",
        title="GPAI obligations are met",
        message="the system does not use a general-purpose AI model",
        controls=["EU-AI-ACT:Art.53"],
        location=Location(path="ai-manifest.yaml", line=20),
        fingerprint="dd33ee44ff55",
    ),
]


@pytest.fixture
def report() -> Report:
    """A failing assessment with one finding of every kind."""
    return make_report(
        FINDINGS,
        evidence=[
            EvidenceRecord(
                kind="dpia", path="docs/dpia.yaml", sha256="ab" * 32, size=812, status="ok"
            ),
            EvidenceRecord(
                kind="supplier_assessments",
                path="suppliers/vendor.yaml",
                status="invalid",
                errors=["line 4: mapping values are not allowed here"],
            ),
        ],
        exceptions=[
            ExceptionRecord(
                rule="DPIA-002",
                status="approved",
                reason="DPIA review booked with the DPO, slot 2026-06-10",
                requested_by="risk-tools@example.gov.uk",
                ticket="GOV-123",
                expires="2026-07-01",
                approved_by="Head of AI Assurance",
                approved_on="2026-05-20",
                approved_until="2026-07-01",
            )
        ],
    )


@pytest.fixture
def classified_report(report: Report) -> Report:
    """The same assessment with both axes of its classification, and a finding whose mapped
    EU AI Act article does not bind this system (a deployer: Art. 9 binds providers)."""
    not_binding = ControlBinding(
        id="EU-AI-ACT:Art.9",
        status="not_applicable",
        reason="Art. 9 (risk management system): does not apply: it binds the provider and the"
        " organisation is the deployer",
    )
    findings = [
        replace(f, controls_not_binding=[not_binding]) if f.rule_id == "EVAL-002" else f
        for f in report.findings
    ]
    return replace(
        report,
        findings=findings,
        eu_ai_act=EuAiAct(
            in_scope=True,
            scope="in scope: Art.2(1)(b)",
            roles=["deployer"],
            category="high",
            grounds=[
                Ground(citation="AnnexIII.5(a)", kind="high", text="high-risk: Annex III 5(a)"),
                Ground(citation="Art.3(4)", kind="role", text="the organisation is a deployer"),
            ],
            date_schedule="aia_2024",
        ),
        assurance_level=AssuranceLevel(
            level="high",
            reasons=[
                AssuranceReason(
                    level="high",
                    source="EU AI Act",
                    text="the EU AI Act category from the facts is high (AnnexIII.5(a))",
                ),
                AssuranceReason(
                    level="medium", source="UK GDPR", text="a DPIA is required: <large scale>"
                ),
            ],
        ),
    )


@pytest.fixture
def error_report(report: Report) -> Report:
    """The same assessment when the gate could not finish (verdict error, report errors)."""
    return replace(
        report,
        verdict="error",
        errors=[
            "policy bundle signature does not verify: key id 'gov-2026'",
            "evaluator failed:\nregopy returned no result for data.ai_assure",
        ],
    )


@pytest.fixture(scope="session")
def reference_schemas(shared_dir: Path) -> Path:
    """The consumers' own schemas (SARIF, strict JUnit) from the shared reference folder.

    `shared_dir` (tests/conftest.py) skips when the folder beside the checkout is absent.
    """
    path = shared_dir / "reference" / "schemas"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the consumers' schemas are needed for this test")
    return path


#: the SARIF 2.1.0 schemas in the reference folder and the JSON Schema draft each is written in
SARIF_SCHEMAS = {
    "sarif-schema-2.1.0.oasis-errata01.json": Draft4Validator,
    "sarif-schema-2.1.0.codeql-action-2020-12.json": Draft202012Validator,
}


@pytest.fixture(scope="session")
def sarif_validators(reference_schemas: Path) -> dict[str, Any]:
    """A validator per SARIF schema: OASIS 2.1.0 errata 01 and GitHub code scanning's copy."""
    validators = {}
    for name, validator_class in SARIF_SCHEMAS.items():
        schema = json.loads((reference_schemas / name).read_text(encoding="utf-8"))
        # no check_schema(): the codeql copy nests an `anyOf` under region.properties, which
        # the 2020-12 metaschema rejects but which does not affect validating documents
        validators[name] = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return validators


@pytest.fixture(scope="module", params=sorted(SARIF_SCHEMAS))
def sarif_validator(request: pytest.FixtureRequest, sarif_validators: dict[str, Any]) -> Any:
    """Each SARIF schema in turn."""
    return sarif_validators[request.param]


@pytest.fixture(scope="session")
def junit_schema(reference_schemas: Path) -> xmlschema.XMLSchema:
    """The strict Jenkins xUnit JUnit schema (junit-10.xsd)."""
    return xmlschema.XMLSchema(str(reference_schemas / "junit-10.jenkins-xunit.xsd"))


@pytest.fixture
def make_finding():
    """`finding(rule_id, status, severity, **overrides)` for tests that need their own."""
    return finding


@pytest.fixture
def build_report():
    """`make_report(findings, **overrides)` for tests that need their own findings."""
    return make_report
