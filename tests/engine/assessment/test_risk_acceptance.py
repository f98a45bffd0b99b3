"""A governance acceptance of a risk holds for that risk as it was accepted: its id, unique
in the manifest, and the residual score the approver saw. Through the real CLI, on both
evaluators."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from engine.policy.sources import bundled_policy_dir
from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[3]
PROBATION = ROOT / "examples" / "probation-risk-assistant"
RISK = "PRA-R-001"
ACCEPTED = {
    "system": "probation-risk-assistant",
    "risk": RISK,
    "residual_score": 12,
    "ticket": "GOV-130",
    "approved_by": "Deputy Director Risk",
    "approved_on": "2026-09-01",
    "expires": "2027-09-01",
}


@pytest.fixture
def repo(tmp_path) -> Path:
    """The probation example with its first risk accepted at residual 3 x 4 = 12 (above the
    appetite of 8)."""
    folder = tmp_path / "repo"
    shutil.copytree(PROBATION, folder)
    (folder / ".git").mkdir()
    _edit(folder, ("    treatment: mitigate", "    treatment: accept"))
    _edit(folder, ("residual: {likelihood: 2, impact: 3}", "residual: {likelihood: 3, impact: 4}"))
    return folder


@pytest.fixture
def governance(tmp_path) -> Path:
    folder = tmp_path / "governance-policies"
    shutil.copytree(bundled_policy_dir(), folder)
    shutil.rmtree(folder / "compiled")  # compiled here by OPA, with the changed data
    data = {"exceptions": [], "risk_acceptances": [ACCEPTED]}
    (folder / "ai_assure" / "approvals" / "data.yaml").write_text(yaml.safe_dump(data))
    return folder


def _edit(repo: Path, change: tuple[str, str]) -> None:
    manifest = repo / "ai-manifest.yaml"
    text = manifest.read_text()
    assert change[0] in text
    manifest.write_text(text.replace(change[0], change[1], 1))


def _risk_005(repo: Path, governance: Path, evaluator: str, opa: str) -> tuple[int, list[str]]:
    done = ai_assure(
        "check",
        repo,
        "--as-of",
        "2026-11-26",
        "--format",
        "json",
        "--governance-policies",
        governance,
        "--evaluator",
        evaluator,
        "--opa-binary",
        opa,
    )
    assert done.returncode in (0, 1), done.stderr
    findings = json.loads(done.stdout)["findings"]
    return done.returncode, [
        f["message"] for f in findings if f["rule_id"] == "RISK-005" and f["status"] == "fail"
    ]


@pytest.mark.parametrize("evaluator", ["embedded", "opa"])
def test_an_acceptance_holds_for_the_score_it_accepted(repo, governance, evaluator, opa_binary):
    assert _risk_005(repo, governance, evaluator, opa_binary)[1] == []


@pytest.mark.parametrize("evaluator", ["embedded", "opa"])
def test_a_risk_whose_score_changed_needs_a_new_acceptance(repo, governance, evaluator, opa_binary):
    _edit(repo, ("residual: {likelihood: 3, impact: 4}", "residual: {likelihood: 4, impact: 4}"))
    _code, failed = _risk_005(repo, governance, evaluator, opa_binary)
    assert len(failed) == 1
    assert f"Risk {RISK} scores 16" in failed[0]
    assert "was for a residual score of 12: a changed risk needs a new acceptance" in failed[0]


@pytest.mark.parametrize("reused", [RISK, RISK.lower(), f" {RISK}", "\uff30\uff32\uff21-R-001"])
def test_a_new_risk_cannot_reuse_an_accepted_risk_id(repo, reused):
    _edit(repo, ("  - id: PRA-R-002", f"  - id: {reused!r}"))
    done = ai_assure("check", repo, "--as-of", "2026-11-26")
    assert done.returncode == 2
    assert "each risk's id must be unique" in done.stderr
    assert "Traceback" not in done.stderr
