"""`ai-assure policy impact`: before releasing a policy revision, what it newly fails, newly
passes or changes in severity on every system, and what its staged rules will fail next."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from engine.policy.bundles import build_bundle
from engine.policy.sources import bundled_policy_dir
from tests.cli import ai_assure
from tests.keys import rsa_key_pair

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"  # document-search and public-llm-assistant pass, probation fails
AS_OF = "2026-11-26"
NEW_RULE = """# METADATA
# title: Search systems name their index owner
# description: A search system must say who owns its index.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.100-1
# custom:
#   id: ACC-009
#   severity: high
#   controls: ["ISO42001:A.3.2"]
#   remediation: Name the index owner in the manifest.
package ai_assure.rules.accountability.index_owner

import rego.v1

applicable := contains(object.get(input.manifest, ["metadata", "name"], ""), "Search")

deny contains {"msg": "No index owner is named", "path": ["metadata", "name"]} if applicable
"""


def revision(tmp_path: Path, name: str) -> Path:
    """A copy of the bundled library (sources only) to change."""
    folder = tmp_path / name
    shutil.copytree(bundled_policy_dir(), folder, ignore=shutil.ignore_patterns("compiled"))
    return folder


@pytest.fixture(scope="module")
def candidate(tmp_path_factory) -> Path:
    """The next revision: a new rule that fails document-search (which passes today), MC-002
    staged (warns now, fails from 2027-01-01) and DPIA-002 lowered to medium."""
    folder = revision(tmp_path_factory.mktemp("impact"), "candidate")
    (folder / "rules" / "accountability" / "index_owner.rego").write_text(NEW_RULE)
    (folder / "ai_assure" / "rollout" / "data.yaml").write_text(
        "rules:\n  MC-002: {enforcement: {warn_from: 2026-11-01, fail_from: 2027-01-01}}\n"
    )
    dpia = folder / "rules" / "dpia" / "in_date.rego"
    dpia.write_text(dpia.read_text().replace("#   severity: high", "#   severity: medium", 1))
    return folder


def impact(*args: str | Path) -> tuple[int, dict, str]:
    result = ai_assure("policy", "impact", "--as-of", AS_OF, "--format", "json", *args)
    return result.returncode, json.loads(result.stdout) if result.stdout else {}, result.stderr


@pytest.fixture(scope="module")
def compared(candidate) -> tuple[int, dict, str]:
    return impact(
        "--baseline", bundled_policy_dir(), "--candidate", candidate, "--discover", EXAMPLES
    )


def system(report: dict, system_id: str) -> dict:
    return next(s for s in report["systems"] if s["id"] == system_id)


def test_a_candidate_that_newly_fails_a_passing_system_is_breaking(compared):
    code, report, _ = compared
    assert code == 1
    search = system(report, "document-search")
    assert (search["baseline"], search["candidate"], search["breaking"]) == ("pass", "fail", True)
    [change] = search["changes"]
    assert change["rule_id"] == "ACC-009" and change["kind"] == "newly_failing"
    assert change["baseline"] is None  # a new rule
    assert change["candidate"]["status"] == "fail"
    assert report["summary"]["breaking"] == 1 and report["summary"]["systems"] == 3


def test_newly_passing_and_changed_severity_are_reported_per_rule(compared, candidate):
    _, report, _ = compared
    changes = {c["rule_id"]: c for c in system(report, "probation-risk-assistant")["changes"]}
    assert changes["MC-002"]["kind"] == "newly_passing"  # a warning during its rollout
    assert changes["MC-002"]["candidate"]["status"] == "warn"
    dpia = changes["DPIA-002"]
    assert dpia["kind"] == "severity_changed"
    assert (dpia["baseline"]["severity"], dpia["candidate"]["severity"]) == ("high", "medium")


def test_the_next_rollout_phase_lists_the_systems_it_will_fail(compared):
    _, report, _ = compared
    [upcoming] = report["rollout"]
    assert upcoming == {
        "rule_id": "MC-002",
        "title": upcoming["title"],
        "phase": "warn",
        "fail_from": "2027-01-01",
        "systems": ["probation-risk-assistant"],
    }


def test_accept_breaking_and_the_text_and_markdown_formats(candidate, tmp_path):
    markdown = tmp_path / "impact.md"
    result = ai_assure(
        "policy", "impact", "--baseline", bundled_policy_dir(), "--candidate", candidate,
        "--as-of", AS_OF, "--accept-breaking", "--format", "text",
        "--format", f"markdown={markdown}",
        EXAMPLES / "document-search", EXAMPLES / "probation-risk-assistant",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("1 of 2 systems newly fail; 1 rule results newly failing,")
    assert lines[1].endswith("MC-002 will fail 1 system from 2027-01-01")
    assert "document-search: pass -> fail BREAKING" in lines
    assert "  + ACC-009 newly failing absent -> fail (high): No index owner is named" in lines
    text = markdown.read_text()
    assert "## Policy impact" in text and "| document-search **breaking** |" in text
    assert "| MC-002 | warn | 2027-01-01 | probation-risk-assistant |" in text


def test_the_same_revision_changes_nothing():
    code, report, _ = impact(
        "--baseline", bundled_policy_dir(), "--candidate", bundled_policy_dir(), "--discover",
        EXAMPLES, "--workers", "1",
    )  # fmt: skip
    assert code == 0
    assert report["summary"] == {
        "systems": 3, "breaking": 0, "newly_failing": 0, "newly_passing": 0,
        "severity_changed": 0, "unassessed": 0, "not_reevaluable": 0,
    }  # fmt: skip
    assert all(s["changes"] == [] for s in report["systems"])


def test_discover_finds_the_systems_check_discover_finds(tmp_path):
    portfolio = tmp_path / "portfolio"
    for example in ("document-search", "public-llm-assistant"):
        shutil.copytree(EXAMPLES / example, portfolio / example)
    (portfolio / ".gitignore").write_text("public-llm-assistant/\n")  # a vendored copy
    code, report, stderr = impact(
        "--baseline", bundled_policy_dir(), "--candidate", bundled_policy_dir(), "--discover",
        portfolio, "--workers", "1",
    )  # fmt: skip
    assert code == 0, stderr
    assert [s["id"] for s in report["systems"]] == ["document-search"]


def test_what_cannot_be_compared_fails_closed(tmp_path, candidate):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "ai-manifest.yaml").write_text("apiVersion: ai-assure/v2\nkind: [\n")
    code, report, _ = impact(
        "--baseline", bundled_policy_dir(), "--candidate", candidate,
        EXAMPLES / "document-search", broken,
    )  # fmt: skip
    assert code == 2
    assert any(
        error.startswith("unknown: not assessed under the baseline") for error in report["errors"]
    )
    both = ai_assure(
        "policy", "impact", "--baseline", candidate, "--candidate", candidate, EXAMPLES,
        "--discover", EXAMPLES,
    )  # fmt: skip
    assert both.returncode == 2 and "one of them" in both.stderr
    unsigned = tmp_path / "policy.tar.gz"
    unsigned.write_bytes(b"not a bundle")
    bad = ai_assure("policy", "impact", "--baseline", unsigned, "--candidate", candidate, EXAMPLES)
    assert bad.returncode == 2 and "ai-assure: error:" in bad.stderr


def test_a_candidate_that_cannot_assess_a_passing_system_is_breaking(tmp_path):
    broken = revision(tmp_path, "broken")
    rule = broken / "rules" / "accountability" / "owner.rego"
    rule.write_text(rule.read_text().replace("applicable := true", 'applicable := "yes"', 1))
    code, report, _ = impact(
        "--baseline", bundled_policy_dir(), "--candidate", broken,
        EXAMPLES / "document-search", EXAMPLES / "probation-risk-assistant",
    )  # fmt: skip
    assert code == 1
    search = system(report, "document-search")
    assert (search["candidate"], search["breaking"]) == ("error", True)
    assert search["changes"][0]["kind"] == "newly_failing"
    assert search["changes"][0]["candidate"]["status"] == "error"
    probation = system(report, "probation-risk-assistant")
    assert (probation["candidate"], probation["breaking"]) == ("error", False)


def test_signed_bundles_are_verified_with_the_key_given(tmp_path, candidate):
    private, public = rsa_key_pair(tmp_path)
    _, stranger = rsa_key_pair(tmp_path, "stranger")
    bundle = tmp_path / "policy-41.tar.gz"
    build_bundle(bundled_policy_dir(), bundle, "41", private, "governance")
    search = EXAMPLES / "document-search"
    code, report, _ = impact(
        "--baseline", bundle, "--candidate", candidate, "--verify-key", public, search
    )
    assert code == 1 and report["baseline"]["revision"] == "41"
    refused = ai_assure(
        "policy", "impact", "--baseline", bundle, "--candidate", candidate,
        "--verify-key", stranger, search,
    )  # fmt: skip
    assert refused.returncode == 2 and "ai-assure: error:" in refused.stderr
