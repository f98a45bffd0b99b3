"""Staged rollout: a rule's enforcement dates, held in the governance data, decide on the
assessment date whether it is not yet enforced, warns, or fails; a team cannot change them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import cast

import pytest
import yaml

from engine.assessment.enforcement import (
    EnforcementError,
    Stage,
    apply_enforcement,
    read_stages,
)
from engine.assessment.model import Finding, Location
from engine.core.vocabulary import FindingStatus
from engine.policy.sources import bundled_policy_dir, load_policies
from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[3]
PROBATION = ROOT / "examples" / "probation-risk-assistant"  # fails DPIA-002 and MC-002


def staged_policies(tmp_path: Path, rules: object) -> Path:
    """The bundled library with this staged rollout in its governance data."""
    folder = tmp_path / "governance-policies"
    shutil.copytree(bundled_policy_dir(), folder, ignore=shutil.ignore_patterns("compiled"))
    (folder / "ai_assure" / "rollout" / "data.yaml").write_text(yaml.safe_dump({"rules": rules}))
    return folder


@pytest.fixture(scope="module")
def policies(tmp_path_factory) -> Path:
    """MC-002 warns from 2026-12-01 and fails from 2027-01-01; DPIA-002 fails from 2027-02-01."""
    rules = {
        "MC-002": {"enforcement": {"warn_from": "2026-12-01", "fail_from": "2027-01-01"}},
        "DPIA-002": {"enforcement": {"fail_from": "2027-02-01"}},
    }
    return staged_policies(tmp_path_factory.mktemp("staged"), rules)


def check(policies: Path, as_of: str, *extra: str) -> tuple[int, dict]:
    result = ai_assure(
        "check", PROBATION, "--policy-dir", policies, "--as-of", as_of, "--format", "json", *extra
    )
    return result.returncode, json.loads(result.stdout)


def findings_of(report: dict, rule_id: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule_id"] == rule_id]


def test_before_warn_from_the_rule_is_not_applicable_and_says_from_when(policies):
    code, report = check(policies, "2026-11-30")
    [finding] = findings_of(report, "MC-002")
    assert finding["status"] == "not_applicable"
    assert finding["message"].startswith(
        "not yet enforced: enforced from 2026-12-01 as warnings, failing from 2027-01-01"
    )
    assert finding["message"].endswith("enforced today, this system would fail it")
    assert finding["enforcement"] == {
        "phase": "scheduled",
        "warn_from": "2026-12-01",
        "fail_from": "2027-01-01",
        "enforced_status": "fail",
    }
    [dpia] = findings_of(report, "DPIA-002")
    assert dpia["status"] == "not_applicable"
    assert dpia["message"].startswith("not yet enforced: enforced from 2027-02-01;")
    assert report["verdict"] == "pass" and code == 0  # the two staged rules were its failures


def test_between_the_dates_failures_are_warnings_that_say_when_they_will_fail(policies):
    code, report = check(policies, "2026-12-01")
    mc = findings_of(report, "MC-002")
    assert mc and {f["status"] for f in mc} == {"warn"}
    assert all(f["message"].endswith("(staged rollout: will fail from 2027-01-01)") for f in mc)
    assert {f["enforcement"]["phase"] for f in mc} == {"warn"}
    assert {f["enforcement"]["enforced_status"] for f in mc} == {"fail"}
    assert code == 0


def test_from_fail_from_the_rule_fails_as_any_other(policies):
    code, report = check(policies, "2027-01-01")
    mc = findings_of(report, "MC-002")
    assert {f["status"] for f in mc} == {"fail"}
    assert {f["enforcement"]["phase"] for f in mc} == {"enforced"}
    assert not any("staged rollout" in f["message"] for f in mc)
    assert code == 1


def test_every_evaluator_decides_the_same_phase(policies, opa_binary):
    embedded = check(policies, "2026-12-15")[1]
    opa = check(policies, "2026-12-15", "--evaluator", "opa", "--opa-binary", opa_binary)[1]
    assert opa["findings"] == embedded["findings"]


def test_the_delivery_team_cannot_stage_a_rule_from_its_repository(policies, tmp_path):
    local = tmp_path / "local-rules"
    (local / "ai_assure" / "rollout").mkdir(parents=True)
    (local / "ai_assure" / "rollout" / "data.yaml").write_text(
        "rules: {MC-002: {enforcement: {fail_from: 2099-01-01}}}\n"
    )
    (local / "mine.rego").write_text("package ai_assure_local.rules.mine.x\n")
    result = ai_assure("check", PROBATION, "--policies", local, "--as-of", "2026-11-26")
    assert result.returncode == 2
    assert "local folders may not hold data files" in result.stderr


def test_a_malformed_entry_keeps_the_rule_enforced_and_fails_the_gate(tmp_path):
    rules = {"MC-002": {"enforcement": {"warn_from": "2027-01-01", "fail_from": "2026-12-01"}}}
    code, report = check(staged_policies(tmp_path, rules), "2026-11-26")
    assert {f["status"] for f in findings_of(report, "MC-002")} == {"fail"}
    [cfg] = [f for f in findings_of(report, "CFG-003") if f["status"] == "fail"]
    assert "Staged rollout of MC-002" in cfg["message"] and cfg["severity"] == "critical"
    assert code == 1


def test_staging_a_rule_the_policies_do_not_define_is_an_error(tmp_path):
    rules = {"NOPE-001": {"enforcement": {"fail_from": "2027-01-01"}}}
    policies = staged_policies(tmp_path, rules)
    result = ai_assure("check", PROBATION, "--policy-dir", policies, "--as-of", "2026-11-26")
    assert result.returncode == 2
    assert "staged rollout names rule 'NOPE-001'" in result.stdout + result.stderr


def finding(status: str) -> Finding:
    return Finding(
        rule_id="MC-002",
        title="t",
        severity="high",
        status=cast(FindingStatus, status),
        message="m",
        location=Location(path="ai-manifest.yaml"),
        fingerprint=status,
    )


def test_an_errored_rule_is_never_relaxed():
    scheduled = {"MC-002": Stage("scheduled", "2026-12-01", "2027-01-01")}
    errored = [finding("error"), finding("fail")]
    assert apply_enforcement(errored, scheduled, "s") == errored
    [only] = apply_enforcement([finding("fail"), finding("fail")], scheduled, "s")
    assert only.status == "not_applicable"


def test_decisions_are_read_strictly():
    rules = load_policies().rules
    assert read_stages(None, rules) == {}  # a revision from before staged rollout: all enforced
    decision = {"phase": "warn", "warn_from": "2026-12-01", "fail_from": None}
    assert read_stages({"MC-002": decision}, rules) == {"MC-002": Stage("warn", "2026-12-01", None)}
    for bad in ({"phase": "off", "warn_from": "2026-12-01"}, {"phase": "warn"}, "warn"):
        with pytest.raises(EnforcementError):
            read_stages({"MC-002": bad}, rules)
