"""Governed exceptions: a manifest only requests; governance approvals shipped with the
policies (never the team's repository) waive, expire and warn."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import tarfile
from pathlib import Path

import pytest
import yaml

from engine.assessment.exceptions import ExceptionDecisionError, apply_exceptions
from engine.assessment.model import Finding, Location
from engine.assessment.run import EXIT_CODES, CheckOptions, run_check
from engine.manifest import LoadedManifest, load_manifest
from engine.policy.bundles import build_bundle
from engine.policy.sources import bundled_policy_dir
from engine.reporters import get_reporter
from tests.cli import ai_assure
from tests.keys import rsa_key_pair

ROOT = Path(__file__).resolve().parents[3]
PROBATION = ROOT / "examples" / "probation-risk-assistant"
SYSTEM = "probation-risk-assistant"
AS_OF = dt.date(2026, 11, 26)
REQUESTS = (
    "exceptions:\n"
    "  - {rule: MC-002, reason: model card rewrite in review, requested_by: risk-tools,"
    " ticket: GOV-123, expires: 2027-01-31}\n"
    "  - {rule: DPIA-002, reason: DPIA review booked with the DPO, requested_by: risk-tools,"
    " ticket: GOV-124, expires: 2027-01-31}\n"
)


def approval(rule: str, ticket: str, expires: str, system: str = SYSTEM) -> dict[str, str]:
    return {
        "system": system,
        "rule": rule,
        "ticket": ticket,
        "approved_by": "Head of AI Assurance",
        "approved_on": "2026-10-01",
        "expires": expires,
    }


@pytest.fixture
def repo(tmp_path) -> Path:
    """The probation example (which fails MC-002 and DPIA-002), requesting exceptions to both."""
    folder = tmp_path / "repo"
    shutil.copytree(PROBATION, folder)
    (folder / ".git").mkdir()
    manifest = folder / "ai-manifest.yaml"
    manifest.write_text(manifest.read_text().replace("exceptions: []\n", REQUESTS))
    return folder


def governance_policies(tmp_path: Path, *approvals: dict[str, str]) -> Path:
    """The bundled library with these exception approvals in its governance data."""
    folder = tmp_path / "governance-policies"
    shutil.copytree(bundled_policy_dir(), folder)
    data = {"exceptions": list(approvals), "risk_acceptances": []}
    (folder / "ai_assure" / "approvals" / "data.yaml").write_text(yaml.safe_dump(data))
    return folder


def check(repo: Path, policies: Path | None = None, as_of: dt.date = AS_OF):
    return run_check(repo, CheckOptions(as_of=as_of, policy_dir=policies))


def by_rule(report, rule_id: str) -> list[Finding]:
    return [f for f in report.findings if f.rule_id == rule_id]


def test_an_approved_exception_in_date_waives_the_rule_and_opens_the_gate(repo, tmp_path):
    policies = governance_policies(
        tmp_path,
        approval("MC-002", "GOV-123", "2027-06-30"),
        approval("DPIA-002", "GOV-124", "2027-06-30"),
    )
    report = check(repo, policies)
    assert report.verdict == "pass" and EXIT_CODES[report.verdict] == 0
    for rule_id, ticket in (("MC-002", "GOV-123"), ("DPIA-002", "GOV-124")):
        findings = by_rule(report, rule_id)
        assert findings and all(f.status == "waived" for f in findings)
        assert all(f.waiver and f.waiver.ticket == ticket for f in findings)
        assert all(f.waiver.approved_by == "Head of AI Assurance" for f in findings)
    assert {(e.rule, e.status, e.approved_until) for e in report.exceptions} == {
        ("DPIA-002", "approved", "2027-06-30"),
        ("MC-002", "approved", "2027-06-30"),
    }
    statuses = {c.id: c.status for c in report.controls}
    assert statuses["UK-DPA-2018:s.64"] == "waived"  # law-enforcement processing (Part 3)
    assert [f.status for f in by_rule(report, "EXC-001")] == ["pass"]


def test_waived_findings_are_skipped_in_junit_and_suppressed_in_sarif_but_not_github(
    repo, tmp_path
):
    policies = governance_policies(tmp_path, approval("MC-002", "GOV-123", "2027-06-30"))
    report = check(repo, policies)
    junit = get_reporter("junit").render(report)
    assert (
        "waived: model card rewrite in review (GOV-123, approved by Head of AI Assurance" in junit
    )
    sarif = json.loads(get_reporter("sarif").render(report))
    waived = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "MC-002"]
    assert waived and all(r["suppressions"][0]["kind"] == "external" for r in waived)
    github = json.loads(get_reporter("sarif-github").render(report))
    assert not [r for r in github["runs"][0]["results"] if r["ruleId"] == "MC-002"]


def test_an_unapproved_request_warns_and_the_failure_stands(repo, tmp_path):
    report = check(repo, governance_policies(tmp_path))
    assert report.verdict == "fail"
    assert {f.status for f in by_rule(report, "MC-002")} == {"fail"}
    assert {e.status for e in report.exceptions} == {"unapproved"}
    assert [f.status for f in by_rule(report, "EXC-001")] == ["warn", "warn"]


def test_an_expired_approval_brings_the_failure_back_with_a_finding(repo, tmp_path):
    policies = governance_policies(
        tmp_path,
        approval("MC-002", "GOV-123", "2026-11-25"),
        approval("DPIA-002", "GOV-124", "2027-06-30"),
    )
    report = check(repo, policies)
    assert report.verdict == "fail"
    assert {f.status for f in by_rule(report, "MC-002")} == {"fail"}
    assert {f.status for f in by_rule(report, "DPIA-002")} == {"waived"}
    expired = [f for f in by_rule(report, "EXC-001") if f.status == "fail"]
    assert len(expired) == 1 and "until 2026-11-25, which has passed" in expired[0].message
    assert expired[0].manifest_path == ["exceptions", 0]


def test_an_approval_ending_soon_still_waives_but_warns(repo, tmp_path):
    policies = governance_policies(
        tmp_path,
        approval("MC-002", "GOV-123", "2026-12-10"),
        approval("DPIA-002", "GOV-124", "2027-06-30"),
    )
    report = check(repo, policies)
    assert report.verdict == "pass"
    warnings = [f.message for f in by_rule(report, "EXC-001") if f.status == "warn"]
    assert warnings == [
        "The exception to MC-002 (ticket GOV-123) approved by Head of AI Assurance ends on "
        "2026-12-10 (in 14 days): fix the failure or ask for a renewal"
    ]


def test_the_assessment_date_decides_expiry_not_the_clock(repo, tmp_path):
    policies = governance_policies(
        tmp_path,
        approval("MC-002", "GOV-123", "2027-06-30"),
        approval("DPIA-002", "GOV-124", "2027-06-30"),
    )
    assert check(repo, policies, as_of=dt.date(2027, 6, 30)).verdict == "pass"
    assert check(repo, policies, as_of=dt.date(2027, 7, 1)).verdict == "fail"


def test_an_approval_for_another_system_or_ticket_waives_nothing(repo, tmp_path):
    policies = governance_policies(
        tmp_path,
        approval("MC-002", "GOV-123", "2027-06-30", system="document-search"),
        approval("DPIA-002", "GOV-999", "2027-06-30"),
    )
    report = check(repo, policies)
    assert report.verdict == "fail"
    assert not [f for f in report.findings if f.status == "waived"]


def test_an_unwaivable_rule_stays_failed_even_when_approved(repo, tmp_path):
    manifest = repo / "ai-manifest.yaml"
    manifest.write_text(
        manifest.read_text()
        + "  - {rule: EXC-001, reason: silence the expiry, ticket: GOV-125, expires: 2027-01-31}\n"
    )
    policies = governance_policies(
        tmp_path,
        approval("MC-002", "GOV-123", "2026-01-01"),
        approval("DPIA-002", "GOV-124", "2027-06-30"),
        approval("EXC-001", "GOV-125", "2027-06-30"),
    )
    report = check(repo, policies)
    assert report.verdict == "fail"
    assert "fail" in {f.status for f in by_rule(report, "EXC-001")}


def test_a_malformed_approval_fails_the_gate_through_cfg_002(repo, tmp_path):
    broken = approval("MC-002", "GOV-123", "2027-06-31")
    report = check(repo, governance_policies(tmp_path, broken))
    failures = [f for f in by_rule(report, "CFG-002") if f.status == "fail"]
    assert failures and "has no expires date" in failures[0].message
    assert {f.status for f in by_rule(report, "MC-002")} == {"fail"}


def with_approvals_changed(bundle: Path, output: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy of `bundle` whose approvals data went through `change` after signing."""
    with tarfile.open(bundle) as source, tarfile.open(output, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()  # type: ignore[union-attr]
            if member.name.endswith("ai_assure/approvals/data.json"):
                content = json.dumps(change(json.loads(content))).encode()
                member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    return output


def test_approvals_travel_in_the_signed_bundle_and_tampering_is_refused(repo, tmp_path):
    private, public = rsa_key_pair(tmp_path)
    policies = governance_policies(tmp_path, approval("MC-002", "GOV-123", "2027-06-30"))
    bundle = tmp_path / "policy.tar.gz"
    build_bundle(policies, bundle, "2026.11-2", private, "governance-2026")
    as_of = ("--as-of", "2026-11-26", "--format", "json")
    result = ai_assure("check", repo, "--bundle", bundle, "--verify-key", public, *as_of)
    assert result.returncode == 1, result.stderr  # DPIA-002 is not approved in this bundle
    report = json.loads(result.stdout)
    assert {f["status"] for f in report["findings"] if f["rule_id"] == "MC-002"} == {"waived"}

    def approve_everything(data):  # type: ignore[no-untyped-def]
        data["exceptions"].append(approval("DPIA-002", "GOV-124", "2099-12-31"))
        return data

    tampered = with_approvals_changed(bundle, tmp_path / "tampered.tar.gz", approve_everything)
    result = ai_assure("check", repo, "--bundle", tampered, "--verify-key", public, *as_of)
    assert result.returncode == 2
    assert "ai_assure/approvals/data.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_repository_cannot_ship_its_own_approvals_as_local_policies(repo, tmp_path):
    local = repo / "policy-extras"
    (local / "ai_assure" / "approvals").mkdir(parents=True)
    data = {"exceptions": [approval("MC-002", "GOV-123", "2099-12-31")]}
    (local / "ai_assure" / "approvals" / "data.yaml").write_text(yaml.safe_dump(data))
    (local / "extra.rego").write_text("package ai_assure_local.rules.extra.none\n")
    result = ai_assure("check", repo, "--local-rules", local, "--as-of", "2026-11-26")
    assert result.returncode == 2
    assert "may not hold data files" in result.stderr


# --- apply_exceptions: the decisions must match the requests one for one -------------------


def finding(rule_id: str, status: str) -> Finding:
    return Finding(
        rule_id=rule_id,
        title=rule_id,
        severity="high",
        status=status,  # type: ignore[arg-type]
        message=status,
        location=Location(path="ai-manifest.yaml"),
        fingerprint=f"{rule_id}-{status}",
    )


@pytest.fixture
def requesting(repo) -> LoadedManifest:
    return load_manifest(repo / "ai-manifest.yaml", "ai-manifest.yaml")


def decision(index: int, rule: str, status: str = "approved") -> dict[str, object]:
    fields = {"approved_by": "Head of AI Assurance", "approved_on": "2026-10-01"}
    return {
        "index": index,
        "rule": rule,
        "status": status,
        **fields,
        "approved_until": "2027-06-30",
    }


def test_approved_decisions_waive_fail_and_warn_but_never_errors(requesting):
    findings = [finding("MC-002", "fail"), finding("MC-002", "warn"), finding("MC-002", "error")]
    decisions = [decision(0, "MC-002"), decision(1, "DPIA-002", "unapproved")]
    waived, records = apply_exceptions(findings, decisions, requesting, [])
    assert [f.status for f in waived] == ["waived", "waived", "error"]
    assert [(r.rule, r.status) for r in records] == [
        ("DPIA-002", "unapproved"),
        ("MC-002", "approved"),
    ]


@pytest.mark.parametrize(
    ("decisions", "message"),
    [
        (None, "no exception decisions"),
        ([decision(0, "MC-002")], "no decision on exception request(s) [1]"),
        ([decision(0, "MC-002"), decision(0, "MC-002")], "decided exception request 0 twice"),
        ([decision(0, "MC-002"), decision(2, "DPIA-002")], "malformed exception decision"),
        ([decision(0, "MC-002"), {"index": True}], "malformed exception decision"),
        (
            [decision(0, "DPIA-002"), decision(1, "MC-002")],
            "malformed decision on exception request 0",
        ),
        ([decision(0, "MC-002", "waived"), decision(1, "DPIA-002")], "malformed decision"),
        (
            [{"index": 0, "rule": "MC-002", "status": "approved"}, decision(1, "DPIA-002")],
            "lacks its approval",
        ),
    ],
)
def test_decisions_that_do_not_match_the_requests_fail_closed(requesting, decisions, message):
    with pytest.raises(ExceptionDecisionError, match=re.escape(message)):
        apply_exceptions([], decisions, requesting, [])


def test_the_guards_and_what_no_evidence_can_cure_cannot_be_waived():
    from engine.policy.sources import load_policies

    unwaivable = {rule.id for rule in load_policies().rules if not rule.waivable}
    # the guards of the policy data, the staged rollout and exceptions; a prohibited practice
    # (EU AI Act Art. 5), an unanswered classification question, and an automated decision the
    # law forbids (UK GDPR Art. 22B)
    assert unwaivable == {
        "CFG-001", "CFG-002", "CFG-003", "CFG-004", "EXC-001", "CLS-001", "CLS-005", "HO-003",
    }  # fmt: skip
