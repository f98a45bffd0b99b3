"""Repository-local rules (`--policies DIR`) may add checks but never weaken governance:
a repository that tries to switch off, override or shadow a governance rule, the
classification or the configuration is refused (exit 2) before anything is evaluated."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.policy.layering import with_local_rules
from engine.policy.sources import PolicyError, load_policies

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "probation-risk-assistant"

LOCAL_RULE = """# METADATA
# title: Every model names its version
# description: The team wants every model pinned to a version.
# related_resources:
#   - ref: https://example.gov.uk/team-standards
# custom:
#   id: TEAM-001
#   severity: medium
#   controls: ["ISO42001:A.6.2.7"]
#   remediation: Set models[].version.
package ai_assure_local.rules.team.model_versions

import rego.v1

import data.ai_assure.classification

applicable := classification.tier != "prohibited"

deny contains {"msg": "team rule always fires", "path": ["models"]} if applicable
"""


def local_dir(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "team-policies"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder


def check(*arguments: str | Path, env: dict[str, str] | None = None) -> tuple[int, dict, str]:
    command = [
        sys.executable,
        "-c",
        "from engine.cli import run; run()",
        "check",
        str(EXAMPLE),
        "--as-of",
        "2026-11-26",
        "--format",
        "json",
        *map(str, arguments),
    ]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
    assert "Traceback" not in done.stderr
    return done.returncode, json.loads(done.stdout), done.stderr


def test_a_local_rule_adds_a_finding_and_keeps_every_governance_rule(tmp_path):
    code, report, _ = check("--policies", local_dir(tmp_path, {"versions.rego": LOCAL_RULE}))
    assert code == 1
    assert "TEAM-001" in {f["rule_id"] for f in report["findings"] if f["status"] == "fail"}
    governance = {rule.id for rule in load_policies().rules}
    assert governance <= {f["rule_id"] for f in report["findings"]}
    assert report["policy"]["local_digest"].startswith("sha256:")
    assert "+ local" in report["policy"]["source"]


def test_local_rules_are_compiled_by_opa_when_it_is_there(tmp_path, opa_binary):
    folder = local_dir(tmp_path, {"versions.rego": LOCAL_RULE})
    code, report, _ = check("--policies", folder, env={"AI_ASSURE_OPA": opa_binary})
    assert code == 1 and report["policy"]["local_engine"] is None
    assert "TEAM-001" in {f["rule_id"] for f in report["findings"] if f["status"] == "fail"}


def test_without_opa_rego_cpp_runs_the_local_rules_and_the_report_says_so(tmp_path, opa_binary):
    """The governance decision is the same either way: it never depends on local rules."""
    folder = local_dir(tmp_path, {"versions.rego": LOCAL_RULE})
    with_opa = check("--policies", folder, env={"AI_ASSURE_OPA": opa_binary})[1]
    without = {"AI_ASSURE_OPA": str(tmp_path / "no-opa"), "PATH": "/usr/bin:/bin"}
    code, report, _ = check("--policies", folder, env=without)
    assert code == 1 and report["policy"]["local_engine"] == "rego-cpp"
    assert report["findings"] == with_opa["findings"]
    assert {**report["policy"], "local_engine": None} == with_opa["policy"]


def test_local_rules_agree_on_opa_eval(tmp_path, opa_binary):
    folder = local_dir(tmp_path, {"versions.rego": LOCAL_RULE})
    _, embedded, _ = check("--policies", folder)
    _, real, _ = check("--policies", folder, "--evaluator", "opa", "--opa-binary", opa_binary)
    assert real == embedded


ATTEMPTS = {
    "switch off a governance rule": (
        "package ai_assure.rules.dpia.in_date\n\nimport rego.v1\n\napplicable := false\n",
        "ai_assure namespace belongs to the governance policies",
    ),
    "override the classification": (
        'package ai_assure.classification\n\nimport rego.v1\n\ntier := "minimal"\n',
        "ai_assure namespace belongs to the governance policies",
    ),
    "replace the entry point": (
        "package ai_assure.main\n\nimport rego.v1\n\nresult := {}\n",
        "ai_assure namespace belongs to the governance policies",
    ),
    "replace the local entry point": (
        "package ai_assure_local.main\n\nimport rego.v1\n\nresult := {}\n",
        "is reserved",
    ),
    "reuse a governance rule id": (
        LOCAL_RULE.replace("TEAM-001", "DPIA-002"),
        "reuse governance rule ids: DPIA-002",
    ),
}


@pytest.mark.parametrize("attempt", sorted(ATTEMPTS))
def test_a_repository_that_tries_to_weaken_governance_is_refused(tmp_path, attempt):
    source, message = ATTEMPTS[attempt]
    code, report, stderr = check("--policies", local_dir(tmp_path, {"bypass.rego": source}))
    assert code == 2 and report["verdict"] == "error"
    assert message in stderr
    assert report["findings"] == []


def test_local_configuration_data_is_refused(tmp_path):
    folder = local_dir(
        tmp_path, {"versions.rego": LOCAL_RULE, "data.yaml": "ai_assure:\n  config: {}\n"}
    )
    with pytest.raises(PolicyError, match="may not hold data files"):
        with_local_rules(load_policies(), [folder])


def test_local_rules_cannot_run_on_an_opa_server(tmp_path):
    folder = local_dir(tmp_path, {"versions.rego": LOCAL_RULE})
    code, _, stderr = check(
        "--policies", folder, "--evaluator", "opa-server", "--opa-url", "http://127.0.0.1:9"
    )
    assert code == 2 and "cannot run on an OPA server" in stderr


def test_an_empty_or_missing_local_folder_is_refused(tmp_path):
    with pytest.raises(PolicyError, match=r"no \.rego files"):
        with_local_rules(load_policies(), [local_dir(tmp_path, {"README.md": "x"})])
    with pytest.raises(PolicyError, match="not a folder"):
        with_local_rules(load_policies(), [tmp_path / "absent"])
