"""The shipped examples are real systems with known outcomes, and their reports are accepted
by the consumers' own schemas (GitHub code scanning's SARIF, the strict JUnit XSD)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from engine.assessment.run import CheckOptions, run_check
from engine.reporters import get_reporter
from tests.law import assert_no_unbinding_law_in_failures

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AS_OF = dt.date(2026, 11, 26)

# (EU AI Act category, whether the Act reaches it, the assurance level, the verdict). The three
# are UK-only systems: the Act does not apply (Art. 2(1)) and is a reference framework.
EXPECTED = {
    "probation-risk-assistant": ("high", False, "high", "fail"),
    "public-llm-assistant": ("limited", False, "medium", "pass"),
    "document-search": ("limited", False, "medium", "pass"),
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def example(request):
    report = run_check(EXAMPLES / request.param, CheckOptions(as_of=AS_OF))
    return request.param, report


def test_each_example_gets_its_expected_classification_and_verdict(example):
    name, report = example
    assert report.errors == []
    assert report.eu_ai_act and report.assurance_level
    outcome = (
        report.eu_ai_act.category,
        report.eu_ai_act.in_scope,
        report.assurance_level.level,
        report.verdict,
    )
    assert outcome == EXPECTED[name]
    assert report.tier.level == report.eu_ai_act.category
    assert report.questions == []
    assert all(item.status == "ok" for item in report.evidence), report.evidence


def test_the_high_risk_example_fails_on_real_gaps_only(example):
    name, report = example
    failed = [f for f in report.findings if f.status == "fail"]
    if name == "probation-risk-assistant":
        assert 1 <= len(failed) <= 4
        # law-enforcement processing: the DPIA duty is DPA 2018 s. 64, not UK GDPR Art. 35
        assert any("UK-DPA-2018:s.64" in f.controls for f in failed)
        assert not any("UK-GDPR:Art.35" in f.controls for f in failed)
    else:
        assert not [f for f in failed if f.severity in ("critical", "high")]


def test_no_failed_finding_names_a_legal_control_that_does_not_bind(example):
    _, report = example
    assert_no_unbinding_law_in_failures(report)


def test_every_example_finding_is_located_in_its_manifest(example):
    name, report = example
    for finding in report.findings:
        assert finding.location.path == f"examples/{name}/ai-manifest.yaml"
        assert finding.location.line >= 1


def test_sarif_is_valid_against_both_schemas(example, shared_dir):
    import jsonschema

    _, report = example
    sarif = json.loads(get_reporter("sarif").render(report))
    schemas = shared_dir / "reference" / "schemas"
    oasis = json.loads((schemas / "sarif-schema-2.1.0.oasis-errata01.json").read_text())
    codeql = json.loads((schemas / "sarif-schema-2.1.0.codeql-action-2020-12.json").read_text())
    jsonschema.Draft4Validator(oasis).validate(sarif)
    jsonschema.Draft202012Validator(codeql).validate(sarif)
    assert all(result["locations"] for result in sarif["runs"][0]["results"])


def test_junit_is_valid_against_the_strict_xsd(example, shared_dir):
    import xmlschema

    _, report = example
    xsd = xmlschema.XMLSchema(
        str(shared_dir / "reference" / "schemas" / "junit-10.jenkins-xunit.xsd")
    )
    xsd.validate(get_reporter("junit").render(report))
