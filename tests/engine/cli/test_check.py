"""`ai-assure check` as CI clients read it: errors located like findings in every CI format,
GitLab severities on GitLab's scale, and messages a new user can act on."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

from tests.cli import COMMAND, ROOT, ai_assure

AS_OF = ["--as-of", "2026-11-26"]
PROBATION = ROOT / "examples" / "probation-risk-assistant"


@pytest.fixture
def bad_name(make_repo, minimal_manifest) -> Path:
    """A manifest whose system name is a list: line 5 of ai-manifest.yaml."""
    return make_repo(minimal_manifest.replace("name: Tiny Search", "name: [this, is, a list]"))


def test_a_manifest_error_is_annotated_on_its_file_and_line(bad_name, tmp_path):
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [*COMMAND, "check", str(bad_name), "--format", "github"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 2
    [annotation] = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert annotation.startswith("::error file=ai-manifest.yaml,line=5,title=ai-assure::")
    assert annotation.endswith("::metadata.name: Input should be a valid string")
    heading = summary.read_text().splitlines()[0]
    assert heading == "## ⛔ ai-assure: ERROR — tiny-search"  # never ['this', 'is', ...]


def test_a_manifest_error_is_located_in_sarif_and_code_quality(bad_name, tmp_path):
    sarif, gitlab = tmp_path / "r.sarif", tmp_path / "cq.json"
    ai_assure("check", bad_name, "--format", f"sarif={sarif}", "--format", f"gitlab={gitlab}")
    [notification] = json.loads(sarif.read_text())["runs"][0]["invocations"][0][
        "toolExecutionNotifications"
    ]
    assert notification["message"]["text"] == "metadata.name: Input should be a valid string"
    [location] = notification["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "ai-manifest.yaml"},
        "region": {"startLine": 5},
    }
    [entry] = json.loads(gitlab.read_text())
    assert entry["severity"] == "blocker"
    assert entry["location"] == {"path": "ai-manifest.yaml", "lines": {"begin": 5}}
    assert "metadata.name" in entry["description"]


#: failure -> warning on GitLab's scale, as docs/ci.md documents it
GITLAB_TABLE = {
    "critical": ("blocker", "critical"),
    "high": ("critical", "major"),
    "medium": ("major", "minor"),
    "low": ("minor", "info"),
    "info": ("info", "info"),
}
GITLAB_SCALE = ["info", "minor", "major", "critical", "blocker"]


def test_code_quality_severities_follow_the_documented_table(tmp_path):
    report, gitlab = tmp_path / "r.json", tmp_path / "cq.json"
    ai_assure(
        "check", PROBATION, *AS_OF, "--format", f"json={report}", "--format", f"gitlab={gitlab}"
    )
    findings = json.loads(report.read_text())["findings"]
    expected = sorted(
        (f["rule_id"], GITLAB_TABLE[f["severity"]][f["status"] == "warn"])
        for f in findings
        if f["status"] in ("fail", "warn")
    )
    entries = json.loads(gitlab.read_text())
    assert sorted((e["check_name"], e["severity"]) for e in entries) == expected
    assert {f["status"] for f in findings} >= {"fail", "warn"}
    docs = (ROOT / "docs" / "ci.md").read_text()
    for severity, (failure, warning) in GITLAB_TABLE.items():
        assert f"| {severity} | {failure} | {warning} |" in docs


def test_a_warning_never_outranks_a_failure_of_the_same_severity():
    for failure, warning in GITLAB_TABLE.values():
        assert GITLAB_SCALE.index(warning) <= GITLAB_SCALE.index(failure)
        assert warning != failure or failure == "info"


def test_a_folder_that_does_not_exist_is_named_as_such(tmp_path):
    result = ai_assure("check", tmp_path / "nosuch")
    assert result.returncode == 2
    assert "nosuch: no such file or folder" in result.stderr
    assert "ai-assure init" not in result.stderr


def test_an_unidentified_system_gets_a_readable_header(tmp_path):
    result = ai_assure("check", tmp_path / "nosuch")
    header = result.stdout.splitlines()[0]
    assert "(unknown)" not in header and "·  " not in header
    assert "· system not identified ·" in header


def test_an_error_is_printed_once_when_stdout_and_stderr_are_the_same_place(tmp_path):
    result = subprocess.run(
        [*COMMAND, "check", str(tmp_path / "x")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # 2>&1, as a terminal shows them
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"},
    )
    assert result.returncode == 2
    assert result.stdout.count("no such file or folder") == 1


def test_an_error_reaches_stderr_when_the_report_goes_elsewhere(tmp_path):
    result = ai_assure("check", tmp_path / "x", "--format", "json")
    assert json.loads(result.stdout)["verdict"] == "error"
    assert "no such file or folder" in result.stderr


def test_invalid_utf8_is_reported_at_its_line_and_column(make_repo, minimal_manifest):
    lines = minimal_manifest.encode().split(b"\n")
    lines[4] += b" \xff"  # line 5: `  name: Tiny Search \xff`
    repo = make_repo()
    (repo / "ai-manifest.yaml").write_bytes(b"\n".join(lines))
    result = ai_assure("check", repo)
    assert result.returncode == 2
    column = len(lines[4])
    message = f"ai-manifest.yaml:5: not valid UTF-8 text at column {column} (byte 0xff)"
    assert message in result.stdout + result.stderr
    assert not re.search(r"ai-manifest\.yaml:1:", result.stdout + result.stderr)


def test_one_bad_date_in_a_dpia_is_reported_once_and_referred_to(tmp_path):
    system = tmp_path / "probation"
    shutil.copytree(PROBATION, system)
    (system / ".git").mkdir()
    dpia = system / "docs" / "dpia.yaml"
    dpia.write_text(dpia.read_text().replace("approved_on: 2025-10-31", "approved_on: 2025-13-45"))
    result = ai_assure("check", system, *AS_OF)
    assert result.returncode == 1, result.stderr
    assert result.stdout.count("'2025-13-45'") == 1  # EVID-001 gives the detail
    assert "FAIL EVID-001" in result.stdout
    assert "The DPIA cannot be used: docs/dpia.yaml could not be read (see EVID-001)" in (
        result.stdout
    )


#: the SARIF Multitool's Pascal identifier (SARIF2012), for ASCII names
PASCAL = re.compile(r"(?:[A-Z][a-z0-9]+)*")


def test_sarif_names_the_tool_home_and_every_rule_by_a_pascal_identifier(tmp_path):
    sarif = tmp_path / "r.sarif"
    ai_assure("check", PROBATION, *AS_OF, "--format", f"sarif={sarif}")
    driver = json.loads(sarif.read_text())["runs"][0]["tool"]["driver"]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert driver["informationUri"] == pyproject["project"]["urls"]["Homepage"]
    assert len(driver["rules"]) > 40
    for rule in driver["rules"]:
        assert PASCAL.fullmatch(rule["name"]) and rule["name"], rule
    names = {rule["id"]: rule["name"] for rule in driver["rules"]}
    assert names["DPIA-001"] == "AnApprovedDpiaExistsWhenOneIsRequired"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture
def checkout(tmp_path, minimal_manifest) -> Path:
    """A real git checkout of a small system, with one commit on branch `main`."""
    repo = tmp_path / "checkout"
    repo.mkdir()
    (repo / "ai-manifest.yaml").write_text(minimal_manifest)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "x")
    return repo


def test_sarif_records_the_git_checkout_without_credentials(checkout, tmp_path):
    _git(checkout, "remote", "add", "origin", "https://ci:s3cret@git.example.com/team/sys.git")
    sarif, report = tmp_path / "r.sarif", tmp_path / "r.json"
    ai_assure("check", checkout, *AS_OF, "--format", f"sarif={sarif}", "--format", f"json={report}")
    commit = _git(checkout, "rev-parse", "HEAD")
    [provenance] = json.loads(sarif.read_text())["runs"][0]["versionControlProvenance"]
    assert provenance == {
        "repositoryUri": "https://git.example.com/team/sys.git",
        "revisionId": commit,
        "branch": "main",
    }
    assert "s3cret" not in sarif.read_text() + report.read_text()
    assert json.loads(report.read_text())["source"]["commit"] == commit


def test_an_ssh_remote_becomes_a_uri_and_no_remote_means_no_provenance(checkout, tmp_path):
    sarif = tmp_path / "r.sarif"
    ai_assure("check", checkout, *AS_OF, "--format", f"sarif={sarif}")
    assert "versionControlProvenance" not in json.loads(sarif.read_text())["runs"][0]
    _git(checkout, "remote", "add", "origin", "git@git.example.com:team/sys.git")
    ai_assure("check", checkout, *AS_OF, "--format", f"sarif={sarif}")
    [provenance] = json.loads(sarif.read_text())["runs"][0]["versionControlProvenance"]
    assert provenance["repositoryUri"] == "ssh://git.example.com/team/sys.git"


@pytest.mark.parametrize("example", ["document-search", "probation-risk-assistant"])
def test_a_check_imports_no_pydantic(example):
    """Issue 16: a plainly valid manifest, its evidence, the policies, control coverage and
    the report all go without pydantic, which costs more than the rest of a check."""
    probe = (
        "import sys\n"
        "from engine.cli import main\n"
        "try:\n"
        f"    main(['check', 'examples/{example}', '--as-of', '2026-11-26', '--format', 'json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('pydantic')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "CI": "true"},
    )  # fmt: skip
    assert result.stdout.splitlines()[-1] == "[]", result.stderr
