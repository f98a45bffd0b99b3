"""Properties of every registered output format (issue 7), over report models generated from
engine/assessment/model.py itself: any statuses and severities, text with control characters,
XML-illegal characters, lone surrogates, `]]>`, `<script>`, workflow-command syntax and very
long strings, and empty lists.

Every format renders without an exception, to text UTF-8 can carry, the same way twice.
SARIF (both flavours) validates against both SARIF 2.1.0 schemas, JUnit against the strict
XSD; JSON parses back to the very model; plain text cannot drive a terminal; GitHub
annotations stay one workflow command a line and the job summary within GitHub's limit.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from engine.assessment.model import REPORT_SCHEMA, Finding, Report, parse_report
from engine.reporters import FORMATS, get_reporter
from engine.reporters.github import SUMMARY_LIMIT_BYTES, job_summary
from engine.reporters.json import JsonReporter
from engine.reporters.junit import JUnitReporter
from engine.reporters.sarif import SarifReporter
from tests.strategies import Texts, hostile_text, model_values

TEXTS = Texts(hostile_text())
#: C0 and C1 control characters other than tab and line feed
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: real-looking rule ids often, so several findings share a rule (one testcase, one SARIF rule)
RULE_IDS = st.one_of(st.sampled_from(["DPIA-001", "EVAL-002", "RED-TEAM-01"]), hostile_text())
#: the engine's fingerprints are hex digests; a small pool makes repeats common
FINGERPRINTS = st.one_of(
    st.sampled_from(["9d1e0c2b7a4f", "52aa0e9f1c3d"]), st.text("0123456789abcdef", max_size=32)
)
findings = model_values(
    Finding, TEXTS, overrides={"rule_id": RULE_IDS, "fingerprint": FINGERPRINTS}
)
reports = model_values(
    Report,
    TEXTS,
    overrides={"schema_": st.just(REPORT_SCHEMA), "findings": st.lists(findings, max_size=25)},
).map(parse_report)

#: a report holding what broke formats before: control characters in the system id (the text
#: header) and a rule id (JUnit's classname), and lone surrogates (a file name that is not UTF-8)
REGRESSION = parse_report(
    {
        "tool": {"version": "0.1.0"},
        "system": {"id": "\x1b]0;owned\x07", "name": "System"},
        "as_of": "2026-11-26",
        "fail_on": "high",
        "tier": {"level": "minimal"},
        "verdict": "error",
        "policy": {"source": "bundled", "revision": "0.1.0", "digest": "sha256:00"},
        "evidence": [
            {
                "kind": "threat_model",
                "path": "docs/bad\udcff.md",
                "status": "invalid",
                "errors": ["x"],
            }
        ],
        "findings": [
            {
                "rule_id": "\x08X-001",
                "title": "Title",
                "severity": "high",
                "status": "fail",
                "message": "see docs/bad\udcff.md",
                "location": {"path": "ai-manifest.yaml"},
                "fingerprint": "ab",
            }
        ],
        "errors": ["evaluation failed \x1b[2J"],
    }
)


def formats_rendered_by(reporter_class: type) -> list[str]:
    """The registered formats whose reporter is a `reporter_class`."""
    return [name for name in FORMATS if isinstance(get_reporter(name), reporter_class)]


@pytest.mark.parametrize("name", FORMATS)
@given(report=reports)
@example(report=REGRESSION)
def test_every_format_renders_any_report_to_utf8_the_same_way_twice(name, report):
    output = get_reporter(name).render(report)
    assert isinstance(output, str)
    output.encode("utf-8")
    assert get_reporter(name).render(report) == output


@given(report=reports)
@example(report=REGRESSION)
def test_sarif_of_any_report_validates_against_both_schemas_in_both_flavours(
    sarif_validators, report
):
    for name in formats_rendered_by(SarifReporter):
        log = json.loads(get_reporter(name).render(report))
        for schema, validator in sarif_validators.items():
            errors = sorted(validator.iter_errors(log), key=str)
            assert not errors, f"{name} against {schema}: {errors[0].message}"


@given(report=reports)
@example(report=REGRESSION)
def test_junit_of_any_report_validates_against_the_strict_xsd(junit_schema, report):
    for name in formats_rendered_by(JUnitReporter):
        junit_schema.validate(get_reporter(name).render(report))


@given(report=reports)
@example(report=REGRESSION)
def test_json_of_any_report_parses_back_to_the_same_model(report):
    for name in formats_rendered_by(JsonReporter):
        data = json.loads(get_reporter(name).render(report))
        assert parse_report(data) == report


@given(report=reports)
@example(report=REGRESSION)
def test_text_output_holds_no_control_character_that_could_drive_a_terminal(report):
    output = get_reporter("text").render(report)
    assert not TERMINAL_CONTROL.search(output), repr(TERMINAL_CONTROL.search(output))


@given(report=reports)
@example(report=REGRESSION)
def test_github_annotations_are_one_workflow_command_a_line(report):
    output = get_reporter("github").render(report)
    assert "\r" not in output  # the runner splits lines at CR and LF only
    for line in output.split("\n")[:-1]:
        assert line.startswith(("::error ", "::warning ", "::notice ")), line[:80]


@given(report=reports)
@example(report=REGRESSION)
def test_the_github_job_summary_stays_within_the_step_limit(report):
    summary = job_summary(report)
    assert len(summary.encode("utf-8")) <= SUMMARY_LIMIT_BYTES


@given(report=reports)
@example(report=REGRESSION)
def test_gitlab_code_quality_lists_each_actionable_finding_once(report):
    entries = json.loads(get_reporter("gitlab").render(report))
    actionable = [f for f in report.findings if f.status in ("fail", "warn")]
    assert len(entries) == len(actionable)
    assert len({entry["fingerprint"] for entry in entries}) == len(entries)


@given(report=reports)
@example(report=REGRESSION)
def test_junit_is_well_formed_xml_with_one_testcase_per_rule(report):
    root = ET.fromstring(JUnitReporter().render(report))
    rules = {finding.rule_id for finding in report.findings}
    assessment = 1 if report.errors or report.verdict == "error" else 0
    assert len(list(root.iter("testcase"))) == len(rules) + assessment
