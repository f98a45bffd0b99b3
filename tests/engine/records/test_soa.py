"""`ai-assure report soa`: the ISO/IEC 42001 Statement of Applicability of one system.

Every Annex A control of the catalogue is one row, in Annex A order. Its status is the
assessment's (pass -> implemented, fail and error -> not implemented, warn -> partially
implemented, waived -> exception approved, not applicable -> excluded, no rule ->
not assessed) and its justification states only the assessment's facts. A saved report gives
the same Statement as assessing the system; an unusable report or an assessment that assessed
nothing exits 2 with one message.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine import cli
from engine.assessment.findings import control_results
from engine.assessment.model import (
    REPORT_SCHEMA,
    ControlResult,
    Finding,
    Report,
    SystemRef,
    Waiver,
    to_data,
)
from engine.assessment.run import CheckOptions, run_check
from engine.policy.catalogue import Control, load_catalogue
from engine.policy.sources import load_policies
from engine.records.soa import render
from engine.records.soa.build import (
    FRAMEWORK,
    STATUSES,
    Soa,
    SoaError,
    SoaRow,
    build_soa,
)
from engine.records.soa.formats.csv import CSV_COLUMNS
from tests.cli import ai_assure
from tests.engine.reporters.conftest import finding, make_report

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
PROBATION = EXAMPLES / "probation-risk-assistant"
AS_OF = "2026-11-26"


def assess(name: str) -> Report:
    return run_check(EXAMPLES / name, CheckOptions(as_of=dt.date.fromisoformat(AS_OF)))


@pytest.fixture(scope="module")
def probation() -> Report:
    return assess("probation-risk-assistant")


@pytest.fixture(scope="module")
def document_search() -> Report:
    return assess("document-search")


def iso_controls() -> list[Control]:
    return [c for c in load_catalogue().values() if c.framework == FRAMEWORK]


def rows_by_id(soa: Soa) -> dict[str, SoaRow]:
    return {row.id: row for row in soa.controls}


def report_of(findings: list[Finding], **overrides: object) -> Report:
    """A hand-built report whose `controls` the engine's own function derives."""
    return make_report(findings, controls=control_results(findings), **overrides)


def invoke(*args: str | Path):
    return CliRunner().invoke(cli.main, ["report", "soa", *map(str, args)])


# --- the Statement ----------------------------------------------------------------------------


def test_every_iso42001_control_of_the_catalogue_is_one_row_in_annex_a_order(probation):
    soa = build_soa(probation, load_catalogue())
    ids = [row.id for row in soa.controls]
    assert sorted(ids) == sorted(control.id for control in iso_controls())
    assert len(ids) == len(set(ids))
    assert ids[0] == "ISO42001:A.2.2" and ids[-1] == "ISO42001:A.10.4"
    assert ids.index("ISO42001:A.9.4") < ids.index("ISO42001:A.10.2")
    titles = {control.id: control.title for control in iso_controls()}
    assert all(row.title == titles[row.id] for row in soa.controls)


def test_the_controls_the_failed_rules_map_to_are_not_implemented(probation):
    soa = build_soa(probation, load_catalogue())
    failed = {f.rule_id for f in probation.findings if f.status == "fail"}
    assert failed == {"MC-002", "DPIA-002"}
    policies = load_policies()
    expected = {
        control
        for rule_id in failed
        for control in policies.rule(rule_id).controls  # type: ignore[union-attr]
        if control.startswith(FRAMEWORK + ":")
    }
    rows = rows_by_id(soa)
    assert expected == {c.id for c in probation.controls if c.status == "fail"} & set(rows)
    assert {i for i, row in rows.items() if row.status == "not implemented"} == expected
    for control_id in expected:
        row = rows[control_id]
        assert row.applicability == "included"
        failing = sorted(rule.id for rule in row.rules if rule.status == "fail")
        assert row.justification.startswith(f"not implemented: {', '.join(failing)} failed")


def test_a_passing_control_is_implemented_and_names_its_rules(probation):
    row = rows_by_id(build_soa(probation, load_catalogue()))["ISO42001:A.6.2.4"]
    assert (row.applicability, row.status) == ("included", "implemented")
    assert [(rule.id, rule.status) for rule in row.rules] == [
        ("EVAL-001", "pass"),
        ("EVAL-003", "pass"),
        ("GEN-001", "not_applicable"),
        ("GEN-002", "not_applicable"),
        ("GEN-003", "not_applicable"),
    ]
    assert row.justification == (
        "implemented: EVAL-001, EVAL-003 passed; GEN-001, GEN-002, GEN-003 not applicable"
    )


def test_a_waived_finding_shows_as_an_exception_approved():
    waiver = Waiver(ticket="GOV-123", approved_by="Head of AI Assurance", expires="2027-01-31")
    report = report_of(
        [
            finding("MC-002", "waived", controls=["ISO42001:A.9.4"], waiver=waiver),
            finding("MC-001", "pass", controls=["ISO42001:A.9.4"]),
        ]
    )
    row = rows_by_id(build_soa(report, load_catalogue()))["ISO42001:A.9.4"]
    assert (row.applicability, row.status) == ("included", "exception approved")
    assert row.justification == (
        "exception approved: MC-002 waived under GOV-123 until 2027-01-31; MC-001 passed"
    )


@pytest.mark.parametrize(
    ("statuses", "applicability", "status", "justification"),
    [
        (["pass"], "included", "implemented", "implemented: R-1 passed"),
        (
            ["fail", "pass"],
            "included",
            "not implemented",
            "not implemented: R-1 failed; R-2 passed",
        ),
        (
            ["error", "fail"],
            "included",
            "not implemented",
            "not implemented: could not be assessed: R-1 errored; R-2 failed",
        ),
        (
            ["warn", "pass"],
            "included",
            "partially implemented",
            "partially implemented: R-1 warned; R-2 passed",
        ),
        (
            ["not_applicable", "not_applicable"],
            "excluded",
            "excluded",
            "excluded: every rule mapped to it is not applicable to this high-risk system"
            " (R-1, R-2)",
        ),
    ],
    ids=["pass", "fail", "error", "warn", "not-applicable"],
)
def test_each_control_status_maps_to_its_statement_status(
    statuses, applicability, status, justification
):
    findings = [
        finding(f"R-{n}", s, controls=["ISO42001:A.7.4"]) for n, s in enumerate(statuses, 1)
    ]
    # an error finding makes the verdict `error`; the mapping itself is still defined
    report = report_of(findings, verdict="fail")
    row = rows_by_id(build_soa(report, load_catalogue()))["ISO42001:A.7.4"]
    assert (row.applicability, row.status, row.justification) == (
        applicability,
        status,
        justification,
    )


def test_a_rule_with_several_findings_takes_its_worst_status():
    report = report_of(
        [
            finding("EVAL-002", "pass", controls=["ISO42001:A.7.4"]),
            finding("EVAL-002", "fail", controls=["ISO42001:A.7.4"], fingerprint="second"),
        ]
    )
    row = rows_by_id(build_soa(report, load_catalogue()))["ISO42001:A.7.4"]
    assert [(rule.id, rule.status) for rule in row.rules] == [("EVAL-002", "fail")]


def test_a_control_no_rule_maps_to_is_not_assessed(probation):
    mapped = {control for rule in load_policies().rules for control in rule.controls}
    unmapped = [c.id for c in iso_controls() if c.id not in mapped]
    assert unmapped, "every ISO42001 control has a rule: pick another case for this test"
    soa = build_soa(probation, load_catalogue())
    rows = rows_by_id(soa)
    for control_id in unmapped:
        row = rows[control_id]
        assert (row.applicability, row.status, row.rules) == ("not assessed", "not assessed", [])
        assert row.justification.startswith("not assessed by ai-assure: no rule")
        assert "state its applicability by hand" in row.justification
    assert soa.summary["not assessed"] == len(unmapped)


def test_a_lower_risk_system_has_excluded_controls_whose_every_rule_is_not_applicable(
    document_search,
):
    tier = document_search.tier.level
    assert tier in ("minimal", "limited")
    excluded = [
        r for r in build_soa(document_search, load_catalogue()).controls if r.status == "excluded"
    ]
    assert excluded
    for row in excluded:
        assert row.applicability == "excluded"
        assert row.rules and all(rule.status == "not_applicable" for rule in row.rules)
        ids = ", ".join(rule.id for rule in row.rules)
        assert row.justification == (
            f"excluded: every rule mapped to it is not applicable to this {tier}-risk system"
            f" ({ids})"
        )


def test_the_summary_counts_every_status(probation):
    soa = build_soa(probation, load_catalogue())
    assert list(soa.summary) == list(STATUSES)
    assert sum(soa.summary.values()) == len(soa.controls)
    assert soa.summary["not implemented"] == 4 and soa.summary["excluded"] == 1


def test_the_heading_carries_system_tier_date_and_policy(probation):
    soa = build_soa(probation, load_catalogue())
    data = json.loads(render(soa, "json"))
    assert data["schema"] == "ai-assure/soa/v1"
    assert (data["system"]["id"], data["as_of"], data["tier"]["level"]) == (
        "probation-risk-assistant",
        AS_OF,
        "high",
    )
    assert data["policy"] == to_data(probation.policy)
    text = render(soa, "markdown")
    assert text.startswith("# ISO/IEC 42001 Statement of Applicability: Probation Risk Assistant\n")
    head = text.split("\n\n")[1]
    for fact in (
        "`probation-risk-assistant`",
        "**high**",
        AS_OF,
        "revision 0.1.0",
        probation.policy.digest,
    ):
        assert fact in head


def test_the_same_report_renders_to_the_same_bytes_and_json_keys_are_sorted(probation):
    for fmt in ("markdown", "json", "csv"):
        first = render(build_soa(probation, load_catalogue()), fmt)
        assert first == render(build_soa(probation, load_catalogue()), fmt)
    text = render(build_soa(probation, load_catalogue()), "json")
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_csv_cells_that_would_start_a_formula_are_neutralised():
    report = report_of(
        [finding("MC-001", "pass", controls=["ISO42001:A.2.2"])],
        system={"id": '=HYPERLINK("http://evil")', "name": "x"},
    )
    catalogue = {
        "ISO42001:A.2.2": Control(
            id="ISO42001:A.2.2", title="-2+3", group="@group", framework=FRAMEWORK
        )
    }
    rows = list(csv.reader(io.StringIO(render(build_soa(report, catalogue), "csv"))))
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1][:4] == ['\'=HYPERLINK("http://evil")', "ISO42001:A.2.2", "'-2+3", "'@group"]
    assert rows[1][4:] == ["included", "implemented", "MC-001 pass", "implemented: MC-001 passed"]


def test_markdown_cells_cannot_break_the_table():
    report = report_of(
        [finding("MC-001", "pass", controls=["ISO42001:A.2.2"])],
        system=SystemRef(id="tiny", name="Tiny | <b>Search</b>"),
    )
    catalogue = {
        "ISO42001:A.2.2": Control(id="ISO42001:A.2.2", title="A | B\nC", framework=FRAMEWORK)
    }
    text = render(build_soa(report, catalogue), "markdown")
    assert "Tiny \\| &lt;b&gt;Search&lt;/b&gt;" in text and "<b>" not in text
    row = next(line for line in text.splitlines() if line.startswith("| ISO42001:A.2.2"))
    assert row.count(" | ") == 6 and "A \\| B<br>C" in row


@pytest.mark.parametrize(
    ("controls", "message"),
    [
        ([ControlResult(id="ISO42001:A.99.9", status="pass")], "catalogue does not list"),
        (
            [ControlResult(id="ISO42001:A.2.2", status="pass")] * 2,
            "lists control ISO42001:A.2.2 twice",
        ),
        (
            [ControlResult(id="ISO42001:A.2.2", status="pass", rules=["GHOST-001"])],
            "maps GHOST-001 to ISO42001:A.2.2 with no finding",
        ),
    ],
    ids=["unknown-control", "duplicate-control", "rule-without-finding"],
)
def test_a_report_that_does_not_hold_together_is_refused(controls, message):
    with pytest.raises(SoaError, match=message):
        build_soa(make_report([], controls=controls), load_catalogue())


# --- the command line -------------------------------------------------------------------------


def test_a_saved_report_gives_the_same_statement_as_assessing_the_system(tmp_path):
    saved = tmp_path / "report.json"
    checked = CliRunner().invoke(
        cli.main, ["check", str(PROBATION), "--as-of", AS_OF, "--format", f"json={saved}"]
    )
    assert checked.exit_code == 1, checked.output
    for fmt in ("markdown", "json", "csv"):
        direct = invoke(PROBATION, "--as-of", AS_OF, "--format", fmt)
        from_file = invoke("--report", saved, "--format", fmt)
        assert direct.exit_code == from_file.exit_code == 0, direct.stderr + from_file.stderr
        assert direct.stdout == from_file.stdout
    assert from_file.stderr == (
        "ai-assure: ISO/IEC 42001 Statement of Applicability for probation-risk-assistant:"
        " 38 controls: 22 implemented, 4 not implemented, 1 excluded, 11 not assessed\n"
    )


def test_each_format_goes_to_its_file(tmp_path):
    specs = [
        arg
        for fmt in ("markdown", "json", "csv")
        for arg in ("--format", f"{fmt}={tmp_path / fmt}")
    ]
    result = invoke(PROBATION, "--as-of", AS_OF, *specs)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert (tmp_path / "markdown").read_text().startswith("# ISO/IEC 42001")
    assert json.loads((tmp_path / "json").read_text())["schema"] == "ai-assure/soa/v1"
    assert (tmp_path / "csv").read_bytes().startswith(b"system,control,title,group,")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"schema": ', "not a report written by `check --format json` (Invalid JSON"),
        (b"\xff\xfe not text", "not a report written by `check --format json` (Invalid JSON"),
        (b"{}", "(tool: Field required)"),
        (b"[1, 2]", "not a report written by `check --format json`"),
        (None, "cannot read: No such file or directory"),
    ],
    ids=["truncated", "binary", "empty-object", "not-an-object", "missing"],
)
def test_an_unusable_report_file_exits_2_with_one_message(tmp_path, content, message):
    path = tmp_path / "report.json"
    if content is not None:
        path.write_bytes(content)
    result = invoke("--report", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"ai-assure: error: {path}: ") and message in line


def test_a_report_of_another_schema_is_refused(tmp_path, probation):
    data = json.loads(probation.to_json())
    data["schema"] = "ai-assure/report/v0"
    (tmp_path / "old.json").write_text(json.dumps(data))
    result = invoke("--report", tmp_path / "old.json")
    assert result.exit_code == 2
    assert f"schema 'ai-assure/report/v0' is not '{REPORT_SCHEMA}'" in result.stderr


def test_a_report_with_verdict_error_exits_2_naming_why(tmp_path, probation):
    broken = replace(probation, verdict="error", errors=["evaluator failed"])
    (tmp_path / "error.json").write_text(broken.to_json())
    result = invoke("--report", tmp_path / "error.json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "ai-assure: error: nothing was assessed (verdict error): evaluator failed\n"
    )


def test_a_system_that_cannot_be_assessed_exits_2_with_one_message(make_repo):
    result = invoke(make_repo(": : not yaml [\n"), "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("ai-assure: error: nothing was assessed (verdict error): ")
    assert "invalid YAML" in line


@pytest.mark.parametrize("extra", [[str(PROBATION)], ["--as-of", AS_OF]], ids=["path", "as-of"])
def test_report_with_a_path_or_a_date_is_a_usage_error(tmp_path, extra):
    result = invoke("--report", tmp_path / "report.json", *extra)
    assert result.exit_code == 2
    assert "--report takes a saved assessment" in result.stderr


def test_an_unknown_format_is_a_usage_error():
    result = invoke(PROBATION, "--format", "pdf")
    assert result.exit_code == 2
    assert "unknown format 'pdf'; choose from markdown, json, csv" in result.stderr


def test_the_real_command_gives_byte_identical_output_on_each_run(tmp_path):
    outputs = []
    for run in ("one", "two"):
        files = {fmt: tmp_path / f"{run}.{fmt}" for fmt in ("json", "markdown", "csv")}
        specs = [arg for fmt, file in files.items() for arg in ("--format", f"{fmt}={file}")]
        completed = ai_assure("report", "soa", str(PROBATION), "--as-of", AS_OF, *specs)
        assert completed.returncode == 0, completed.stderr
        assert "Traceback" not in completed.stderr
        outputs.append({fmt: file.read_bytes() for fmt, file in files.items()})
    assert outputs[0] == outputs[1]
