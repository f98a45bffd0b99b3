"""The command line as users and CI run it: a real `ai-assure` process, its exit code, its
stdout and stderr. Every error path ends in exit 2 with one clear message and no traceback."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
AS_OF = ["--as-of", "2026-11-26"]


def assert_clean_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in result.stderr


EVIDENCE = {
    "docs/model-card.md": "---\nlicense: mit\n---\n# Model card\n",
    "sbom.cdx.json": json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": []}),
}


@pytest.fixture
def system(make_repo) -> Path:
    return make_repo(files=EVIDENCE)


def test_check_reports_as_json_with_the_contracted_shape(system):
    result = ai_assure("check", system, *AS_OF, "--format", "json")
    report = json.loads(result.stdout)
    assert report["schema"] == "ai-assure/report/v1"
    assert report["system"] == {"id": "tiny-search", "name": "Tiny Search"}
    assert report["as_of"] == "2026-11-26"
    assert report["tier"]["level"] == "minimal"
    assert report["policy"]["digest"].startswith("sha256:")
    assert {e["path"] for e in report["evidence"]} == {"docs/model-card.md", "sbom.cdx.json"}
    assert result.returncode == {"pass": 0, "fail": 1}[report["verdict"]]


def test_same_inputs_give_byte_identical_reports(system, tmp_path):
    outputs = []
    for run in range(2):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        specs = [f"{fmt}={folder / fmt}" for fmt in ("json", "sarif", "junit", "gitlab")]
        ai_assure("check", system, *AS_OF, *[arg for s in specs for arg in ("--format", s)])
        outputs.append(
            {fmt: (folder / fmt).read_bytes() for fmt in ("json", "sarif", "junit", "gitlab")}
        )
    assert outputs[0] == outputs[1]
    assert all(outputs[0].values())


def test_several_formats_go_to_their_own_files(system, tmp_path):
    result = ai_assure(
        "check",
        system,
        *AS_OF,
        "--format",
        "text",
        "--format",
        f"sarif={tmp_path / 'r.sarif'}",
        "--format",
        f"junit={tmp_path / 'r.xml'}",
    )
    assert "ai-assure:" in result.stdout
    assert json.loads((tmp_path / "r.sarif").read_text())["version"] == "2.1.0"
    assert (tmp_path / "r.xml").read_text().lstrip().startswith("<?xml")


def test_a_missing_evidence_file_is_a_finding_not_a_crash(make_repo):
    repo = make_repo(files={"docs/model-card.md": "# card\n"})
    result = ai_assure("check", repo, *AS_OF, "--format", "json")
    report = json.loads(result.stdout)
    [sbom] = [e for e in report["evidence"] if e["kind"] == "sbom"]
    assert sbom["status"] == "missing"
    failing = [f for f in report["findings"] if f["status"] == "fail"]
    assert any("sbom.cdx.json" in f["message"] for f in failing)
    assert result.returncode == 1


def test_unparseable_evidence_is_a_finding(make_repo):
    repo = make_repo(files={**EVIDENCE, "sbom.cdx.json": '{"bomFormat": "CycloneDX",}'})
    report = json.loads(ai_assure("check", repo, *AS_OF, "--format", "json").stdout)
    [sbom] = [e for e in report["evidence"] if e["kind"] == "sbom"]
    assert sbom["status"] == "invalid" and sbom["errors"]
    assert any("sbom.cdx.json" in f["message"] for f in report["findings"] if f["status"] == "fail")


def test_malformed_yaml_is_exit_2_with_file_and_line(make_repo, minimal_manifest):
    repo = make_repo(minimal_manifest.replace("kind: AISystem", "kind: [AISystem"))
    assert_clean_error(ai_assure("check", repo), "ai-manifest.yaml:")


def test_an_unknown_key_is_exit_2_naming_it(make_repo, minimal_manifest):
    repo = make_repo(minimal_manifest.replace("  purpose:", "  purpos:"))
    assert_clean_error(ai_assure("check", repo), "ai-manifest.yaml:13: system.purpos: unknown key")


def test_no_manifest_is_exit_2(tmp_path):
    assert_clean_error(ai_assure("check", tmp_path), "no ai-manifest.yaml")


@pytest.mark.parametrize("declared", ["../outside.json", "/etc/passwd", "docs/link.json"])
def test_evidence_outside_the_repository_is_exit_2_and_never_read(
    tmp_path, make_repo, minimal_manifest, declared
):
    outside = tmp_path / "outside.json"
    outside.write_text('{"secret": true}')
    repo = make_repo(minimal_manifest.replace("[sbom.cdx.json]", f"[{declared}]"))
    (repo / "docs").mkdir(exist_ok=True)
    os.symlink(outside, repo / "docs" / "link.json")
    result = ai_assure("check", repo, "--format", "json")
    assert_clean_error(result, declared)
    assert "secret" not in result.stdout
    assert json.loads(result.stdout)["verdict"] == "error"


def test_a_policy_that_does_not_compile_is_exit_2(system, tmp_path):
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "main.rego").write_text("package ai_assure.main\n\nresult := := 1\n")
    assert_clean_error(ai_assure("check", system, "--governance-policies", policies), "policy")


def test_a_policy_runtime_error_is_exit_2(system, tmp_path, opa_binary):
    """`opa eval --strict-builtin-errors` names the error; the compiled policy leaves the
    result undefined (policies/CONFORMANCE.md). Both fail closed."""
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "main.rego").write_text(
        'package ai_assure.main\n\nimport rego.v1\n\nresult := {"tier": 1 / 0}\n'
    )
    embedded = ai_assure(
        "check", system, "--governance-policies", policies, "--opa-binary", opa_binary
    )
    assert_clean_error(embedded, "data.ai_assure.main.result is undefined")
    opa = ai_assure(
        "check",
        system,
        "--governance-policies",
        policies,
        "--evaluator",
        "opa",
        "--opa-binary",
        opa_binary,
    )
    assert_clean_error(opa, "divide by zero")


def test_an_unwritable_report_is_exit_2_and_leaves_nothing_behind(system, tmp_path):
    out = tmp_path / "out"
    (out / "report.json").mkdir(parents=True)  # a folder where the file should go
    result = ai_assure("check", system, "--format", f"json={out / 'report.json'}")
    assert_clean_error(result, "cannot write")
    assert [p.name for p in out.iterdir()] == ["report.json"]
    assert list((out / "report.json").iterdir()) == []


def test_a_report_into_a_missing_folder_creates_the_folder(system, tmp_path):
    target = tmp_path / "no" / "such" / "r.json"
    result = ai_assure("check", system, *AS_OF, "--format", f"json={target}")
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(target.read_text())["system"]["id"] == "tiny-search"


def test_an_unwritable_output_is_an_error_about_it_and_the_result_is_kept(system, tmp_path):
    (tmp_path / "blocker").write_text("a file where a folder should be")
    report = tmp_path / "out" / "report.json"
    result = ai_assure(
        "check", system, *AS_OF,
        "--format", f"sarif={tmp_path / 'blocker' / 'out.sarif'}",
        "--format", f"json={report}",
        "--format", "text",
    )  # fmt: skip
    assert_clean_error(result, f"cannot write {tmp_path / 'blocker' / 'out.sarif'}: ")
    verdict = json.loads(report.read_text())["verdict"]  # written after the failed one
    [error] = [line for line in result.stderr.splitlines() if line.startswith("ai-assure:")]
    assert f"; the assessment itself finished: {verdict.upper()}" in error  # one line
    assert f"ai-assure: {verdict.upper()}" in result.stdout


def test_written_files_respect_the_umask(system, tmp_path):
    """Reports get the mode a shell redirection would give them, not 0600."""
    for umask, expected in ((0o022, 0o644), (0o002, 0o664), (0o077, 0o600)):
        target = tmp_path / f"{umask:o}" / "report.sarif"
        old = os.umask(umask)
        try:
            ai_assure("check", system, *AS_OF, "--format", f"sarif={target}")
        finally:
            os.umask(old)
        assert target.stat().st_mode & 0o777 == expected, oct(umask)


def test_a_replaced_report_keeps_its_mode(system, tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    ai_assure("check", system, *AS_OF, "--format", f"json={target}")
    assert target.stat().st_mode & 0o777 == 0o640
    assert json.loads(target.read_text())["system"]["id"] == "tiny-search"


def test_bad_options_are_usage_errors(system):
    assert_clean_error(ai_assure("check", system, "--format", "pdf"), "unknown format")
    assert_clean_error(ai_assure("check", system, "--as-of", "26/11/2026"), "YYYY-MM-DD")
    assert_clean_error(ai_assure("check", system, "--fail-on", "severe"))


def test_validate_is_quiet_on_success_and_precise_on_failure(system, make_repo, minimal_manifest):
    ok = ai_assure("validate", system)
    assert ok.returncode == 0 and "valid (tiny-search)" in ok.stdout
    broken = make_repo(minimal_manifest.replace("type: in-house", "type: homemade"), name="b")
    assert_clean_error(ai_assure("validate", broken), "models.0.type")


def test_schema_prints_the_json_schema():
    schema = json.loads(ai_assure("schema").stdout)
    assert schema["title"] == "ai-assure AI system manifest"
    assert schema["discriminator"]["mapping"] == {
        "ai-assure/v1": "#/$defs/Manifest",
        "ai-assure/v2": "#/$defs/ManifestV2",
    }
    for version in ("Manifest", "ManifestV2"):  # unknown keys are errors in both
        assert schema["$defs"][version]["additionalProperties"] is False


def test_explain_names_controls_and_the_fix():
    rule_id = ai_assure("policy", "list").stdout.split("\t", 1)[0]
    result = ai_assure("explain", rule_id)
    assert result.returncode == 0
    assert "controls:" in result.stdout and "fix:" in result.stdout


def test_explain_an_unknown_rule_is_exit_2():
    assert_clean_error(ai_assure("explain", "NOPE-999"), "no rule 'NOPE-999'")


def test_policy_test_exits_1_when_a_rego_test_fails(tmp_path):
    # The bundled library's own tests run in tests/policies; here a small folder keeps the
    # command's contract quick to prove: all pass -> 0, any failure -> 1 naming the test.
    rule = "package ai_assure.rules.demo.rule\n\nimport rego.v1\n\nlimit := 3\n"
    (tmp_path / "rule.rego").write_text(rule)
    test = (
        "package ai_assure.rules.demo.rule_test\n\nimport rego.v1\n\n"
        "import data.ai_assure.rules.demo.rule\n\n"
    )
    (tmp_path / "rule_test.rego").write_text(test + "test_limit if rule.limit == 3\n")
    passing = ai_assure("policy", "test", tmp_path)
    assert passing.returncode == 0 and "1 passed, 0 failed" in passing.stdout
    (tmp_path / "rule_test.rego").write_text(test + "test_limit if rule.limit == 4\n")
    failing = ai_assure("policy", "test", tmp_path)
    assert failing.returncode == 1
    assert "FAIL ai_assure.rules.demo.rule_test.test_limit" in failing.stdout


def test_every_subcommand_has_help():
    for command in (
        ["check"],
        ["validate"],
        ["schema"],
        ["explain"],
        ["controls"],
        ["policy", "list"],
        ["policy", "test"],
    ):
        result = ai_assure(*command, "--help")
        assert result.returncode == 0 and "Usage:" in result.stdout


def test_a_rule_that_stops_deciding_applicability_fails_closed(system, tmp_path):
    import shutil

    policies = tmp_path / "policies"
    shutil.copytree(ROOT / "policies", policies)
    rule = policies / "rules" / "accountability" / "owner.rego"
    source = rule.read_text()
    assert "default applicable" in source or "applicable :=" in source
    rule.write_text(
        "\n".join(
            line
            for line in source.splitlines()
            if not line.startswith(("default applicable", "applicable"))
        )
        + "\n"
    )
    result = ai_assure("check", system, "--governance-policies", policies, "--format", "json")
    assert result.returncode == 2
    errors = [f for f in json.loads(result.stdout)["findings"] if f["status"] == "error"]
    assert [f["rule_id"] for f in errors] == ["ACC-001"]
    assert "ACC-001: rule package ai_assure.rules.accountability.owner produced no" in result.stderr


def test_github_format_annotates_and_appends_the_job_summary(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = ai_assure("check", EXAMPLES / "probation-risk-assistant", *AS_OF, "--format", "github")
    assert result.returncode == 1
    manifest = "examples/probation-risk-assistant/ai-manifest.yaml"
    assert result.stdout.startswith(f"::error file={manifest}")
    text = summary.read_text()
    assert text.startswith("earlier step\n") and "DPIA-002" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--evaluator", "opa", "--opa-binary", "/no/such/opa"], "not found"),
        (["--evaluator", "opa-server"], "needs --opa-url"),
        (["--evaluator", "opa-server", "--opa-url", "http://127.0.0.1:9"], "cannot reach OPA"),
    ],
)
def test_opa_evaluators_that_cannot_run_fail_closed(system, arguments, message):
    result = ai_assure("check", system, *arguments, "--format", "json")
    assert_clean_error(result, message)
    assert json.loads(result.stdout)["verdict"] == "error"


def test_opa_eval_through_the_cli_matches_the_embedded_evaluator(opa_binary):
    example = EXAMPLES / "probation-risk-assistant"
    embedded = ai_assure("check", example, *AS_OF, "--format", "json")
    real = ai_assure(
        "check",
        example,
        *AS_OF,
        "--format",
        "json",
        "--evaluator",
        "opa",
        "--opa-binary",
        opa_binary,
    )
    assert real.returncode == embedded.returncode == 1
    assert real.stdout == embedded.stdout


def test_a_manifest_symlinked_out_of_the_repository_is_exit_2_and_never_read(
    tmp_path, make_repo, minimal_manifest
):
    outside = tmp_path / "elsewhere" / "ai-manifest.yaml"
    outside.parent.mkdir()
    outside.write_text(minimal_manifest.replace("Tiny Search", "SECRET-NAME"))
    repo = make_repo(minimal_manifest)
    (repo / "ai-manifest.yaml").unlink()
    os.symlink(outside, repo / "ai-manifest.yaml")
    result = ai_assure("check", repo, "--format", "json")
    assert_clean_error(result, "resolves outside the repository")
    assert "internal error" not in result.stderr
    assert "SECRET-NAME" not in result.stdout + result.stderr


def test_fail_on_choices_are_the_report_severities_plus_never():
    from engine.cli import FAIL_ON
    from engine.core.vocabulary import SEVERITY_ORDER

    assert (*SEVERITY_ORDER, "never") == FAIL_ON


def test_a_team_cannot_waive_its_own_failures_by_requesting_exceptions(tmp_path):
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "probation-risk-assistant", repo)
    (repo / ".git").mkdir()
    manifest = repo / "ai-manifest.yaml"
    requests = (
        "exceptions:\n"
        "  - {rule: DPIA-002, reason: self-approved, requested_by: team, expires: 2027-06-30}\n"
        "  - {rule: MC-002, reason: self-approved, requested_by: team, expires: 2027-06-30}\n"
    )
    manifest.write_text(manifest.read_text().replace("exceptions: []\n", requests))
    result = ai_assure("check", repo, *AS_OF, "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1
    failed = {f["rule_id"] for f in report["findings"] if f["status"] == "fail"}
    assert {"DPIA-002", "MC-002"} <= failed
    assert not [f for f in report["findings"] if f["status"] == "waived"]
    assert {(e["rule"], e["status"]) for e in report["exceptions"]} == {
        ("DPIA-002", "unapproved"),
        ("MC-002", "unapproved"),
    }
    warnings = [f["message"] for f in report["findings"] if f["rule_id"] == "EXC-001"]
    assert len(warnings) == 2
    assert all("the failure it names still counts" in message for message in warnings)
