"""Repository-local rules (`--local-rules DIR`) may add checks but never weaken governance:
a repository that tries to switch off, override or shadow a governance rule, the
classification or the configuration is refused (exit 2) before anything is evaluated."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from engine.assessment import run
from engine.assessment.run import CheckOptions
from engine.policy.layering import LOCAL_MAIN, with_local_rules
from engine.policy.sources import LOCAL_ROOT, PolicyError, PolicySet, load_policies

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
    code, report, _ = check("--local-rules", local_dir(tmp_path, {"versions.rego": LOCAL_RULE}))
    assert code == 1
    assert "TEAM-001" in {f["rule_id"] for f in report["findings"] if f["status"] == "fail"}
    governance = {rule.id for rule in load_policies().rules}
    assert governance <= {f["rule_id"] for f in report["findings"]}
    assert report["policy"]["local_digest"].startswith("sha256:")
    assert "+ local" in report["policy"]["source"]


def test_local_rules_are_compiled_by_opa_when_it_is_there(tmp_path, opa_binary):
    folder = local_dir(tmp_path, {"versions.rego": LOCAL_RULE})
    code, report, _ = check("--local-rules", folder, env={"AI_ASSURE_OPA": opa_binary})
    assert code == 1 and report["policy"]["local_engine"] is None
    assert "TEAM-001" in {f["rule_id"] for f in report["findings"] if f["status"] == "fail"}


def test_without_opa_rego_cpp_runs_the_local_rules_and_the_report_says_so(tmp_path, opa_binary):
    """The governance decision is the same either way: it never depends on local rules."""
    folder = local_dir(tmp_path, {"versions.rego": LOCAL_RULE})
    with_opa = check("--local-rules", folder, env={"AI_ASSURE_OPA": opa_binary})[1]
    without = {"AI_ASSURE_OPA": str(tmp_path / "no-opa"), "PATH": "/usr/bin:/bin"}
    code, report, _ = check("--local-rules", folder, env=without)
    assert code == 1 and report["policy"]["local_engine"] == "rego-cpp"
    assert report["findings"] == with_opa["findings"]
    assert {**report["policy"], "local_engine": None} == with_opa["policy"]


def test_local_rules_agree_on_opa_eval(tmp_path, opa_binary):
    folder = local_dir(tmp_path, {"versions.rego": LOCAL_RULE})
    _, embedded, _ = check("--local-rules", folder)
    _, real, _ = check("--local-rules", folder, "--evaluator", "opa", "--opa-binary", opa_binary)
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
    "hide the real package behind a trailing comment, a decoy in a string": (
        "package ai_assure.lib.util # team helpers\n\nimport rego.v1\n\n"
        "note := `\npackage ai_assure_local.rules.team.decoy\n`\n\nblank(_) if true\n",
        "package ai_assure.lib.util is not allowed",
    ),
    "a decoy package in a comment continued past a Unicode line separator": (
        "# notes\u2028package ai_assure_local.rules.team.decoy\n"
        "package ai_assure.lib.util\n\nimport rego.v1\n\nblank(_) if true\n",
        "package ai_assure.lib.util is not allowed",
    ),
    "a decoy package after a carriage return in a comment": (
        "# notes\rpackage ai_assure_local.rules.team.decoy\n"
        "package ai_assure.lib.util\n\nimport rego.v1\n\nblank(_) if true\n",
        "package ai_assure.lib.util is not allowed",
    ),
    "a package name with a bracketed part": (
        'package ai_assure_local["rules"].team\n\nimport rego.v1\n',
        "dotted ASCII names on one line",
    ),
}

EVALUATORS = ("embedded", "opa")


@pytest.mark.parametrize("evaluator", EVALUATORS)
@pytest.mark.parametrize("attempt", sorted(ATTEMPTS))
def test_a_repository_that_tries_to_weaken_governance_is_refused(
    tmp_path, attempt, evaluator, opa_binary
):
    source, message = ATTEMPTS[attempt]
    folder = local_dir(tmp_path, {"bypass.rego": source})
    code, report, stderr = check(
        "--local-rules", folder, "--evaluator", evaluator, "--opa-binary", opa_binary
    )
    assert code == 2 and report["verdict"] == "error"
    assert message in stderr
    assert report["findings"] == []


SMUGGLED = ("ai_assure_local/team/util.rego", "package ai_assure.lib.util\n\nblank(_) := true\n")


def _run_with(policies: PolicySet, evaluator: str, opa_binary: str, monkeypatch) -> dict:
    monkeypatch.setattr(run, "policies_for", lambda options, partial: policies)
    options = CheckOptions(
        as_of=dt.date(2026, 11, 26), evaluator=evaluator, opa_binary=Path(opa_binary)
    )
    return json.loads(run.run_check(EXAMPLE, options).to_json())


@pytest.mark.parametrize("evaluator", EVALUATORS)
def test_a_module_that_got_into_a_governance_package_still_cannot_change_the_decision(
    evaluator, opa_binary, monkeypatch
):
    """Defence in depth: the governance decision is evaluated on the governance modules
    alone, so even a local module past the package check takes no part in it."""
    governance = load_policies()
    entry = (f"{LOCAL_ROOT}/main.rego", LOCAL_MAIN)
    smuggled = replace(
        governance, modules=(*governance.modules, SMUGGLED, entry), local_digest="sha256:x"
    )
    plain = _run_with(governance, evaluator, opa_binary, monkeypatch)
    layered = _run_with(smuggled, evaluator, opa_binary, monkeypatch)
    assert layered["findings"] == plain["findings"] and layered["verdict"] == plain["verdict"]
    mixed_in = replace(smuggled, local_digest=None, compiled=None)  # as if it were governance
    assert _run_with(mixed_in, "opa", opa_binary, monkeypatch)["findings"] != plain["findings"]


def test_local_configuration_data_is_refused(tmp_path):
    folder = local_dir(
        tmp_path, {"versions.rego": LOCAL_RULE, "data.yaml": "ai_assure:\n  config: {}\n"}
    )
    with pytest.raises(PolicyError, match="may not hold data files"):
        with_local_rules(load_policies(), [folder])


def test_local_rules_cannot_run_on_an_opa_server(tmp_path):
    folder = local_dir(tmp_path, {"versions.rego": LOCAL_RULE})
    code, _, stderr = check(
        "--local-rules", folder, "--evaluator", "opa-server", "--opa-url", "http://127.0.0.1:9"
    )
    assert code == 2 and "cannot run on an OPA server" in stderr


def test_an_empty_or_missing_local_folder_is_refused(tmp_path):
    with pytest.raises(PolicyError, match=r"no \.rego files"):
        with_local_rules(load_policies(), [local_dir(tmp_path, {"README.md": "x"})])
    with pytest.raises(PolicyError, match="not a folder"):
        with_local_rules(load_policies(), [tmp_path / "absent"])


@pytest.mark.parametrize(
    "make",
    [
        lambda folder: os.mkfifo(folder / "pipe.rego"),
        lambda folder: (folder / "zero.rego").symlink_to("/dev/zero"),
        lambda folder: (folder / "out.rego").symlink_to(folder.parent / "outside.rego"),
        lambda folder: (folder / "big.rego").write_text("# x\n" * 300_000),
        lambda folder: (folder / "bin.rego").write_bytes(b"package ai_assure_local.x\n\0"),
    ],
    ids=["fifo", "device", "symlink-out", "huge", "binary"],
)
def test_a_local_folder_is_read_like_evidence(tmp_path, make):
    folder = local_dir(tmp_path, {"versions.rego": LOCAL_RULE})
    (tmp_path / "outside.rego").write_text("package ai_assure_local.rules.x.y\n")
    make(folder)
    with pytest.raises(PolicyError, match=str(folder)):
        with_local_rules(load_policies(), [folder])
