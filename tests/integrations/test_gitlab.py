"""The GitLab CI template: valid for GitLab, and its job really gates and reports.

The pipeline a team gets is the template merged with examples/gitlab/.gitlab-ci.yml (its
`include`), with `extends` resolved the way GitLab does (hashes merge, everything else is
replaced). That job's `before_script` and `script` then run under bash in a copy of an
example system, with the job's variables and GitLab's predefined ones, in a fresh virtualenv
whose `python -m pip install` really installs ai-assure, from this checkout.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

import engine
from tests.keys import rsa_key_pair

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "ci" / "gitlab" / "ai-assure.gitlab-ci.yml"
EXAMPLE = ROOT / "examples" / "gitlab" / ".gitlab-ci.yml"
AS_OF = "2026-11-26"  # the examples' known outcomes are for this date
CODE_QUALITY_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}

pytestmark = pytest.mark.slow


def require(module: str, why: str) -> None:
    """In CI a missing test tool is a failure; locally, a skip that says what to install."""
    if importlib.util.find_spec(module) is None:
        message = f"{module} is not installed ({why}); install ai-assure[test]"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """GitLab's merge for `include` and `extends`: hashes merge key by key, the rest is replaced."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def effective_pipeline() -> dict[str, Any]:
    """The example pipeline with the template included and every `extends` resolved."""
    example = yaml.safe_load(EXAMPLE.read_text())
    [included] = example.pop("include")
    assert included["file"] == "/" + TEMPLATE.relative_to(ROOT).as_posix()
    pipeline = deep_merge(yaml.safe_load(TEMPLATE.read_text()), example)
    for name, job in list(pipeline.items()):
        if isinstance(job, dict) and "extends" in job:
            parent = pipeline[job["extends"]]
            pipeline[name] = deep_merge(parent, {k: v for k, v in job.items() if k != "extends"})
    return pipeline


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.gitlab-ci"]
    return subprocess.run([*command, *map(str, files)], capture_output=True, text=True)


def test_template_and_example_are_valid_gitlab_ci(tmp_path):
    require("check_jsonschema", "it validates GitLab CI files")
    done = check_jsonschema(TEMPLATE, EXAMPLE)
    assert done.returncode == 0, done.stdout + done.stderr
    # The schema accepts anything under a hidden key such as `.ai-assure`, so validate the
    # job as GitLab will run it too, with `extends` resolved, as a visible job.
    pipeline = {k: v for k, v in effective_pipeline().items() if not k.startswith(".")}
    resolved = tmp_path / "resolved.gitlab-ci.yml"
    resolved.write_text(yaml.safe_dump(pipeline))
    done = check_jsonschema(resolved)
    assert done.returncode == 0, done.stdout + done.stderr
    # ...and the schema really is strict for a visible job.
    pipeline["ai-assure"]["artifacts"]["reports"]["code_quality"] = "typo.json"
    resolved.write_text(yaml.safe_dump(pipeline))
    assert check_jsonschema(resolved).returncode == 1


def test_job_gates_reports_and_runs_where_it_should():
    job = effective_pipeline()["ai-assure"]
    assert job["allow_failure"] is False
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"] == {
        "codequality": "gl-code-quality-report.json",
        "junit": "junit.xml",
    }
    assert set(job["artifacts"]["reports"].values()) <= set(job["artifacts"]["paths"])
    conditions = [rule["if"] for rule in job["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in conditions
    assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in conditions


def test_template_pins_this_release():
    variables = yaml.safe_load(TEMPLATE.read_text())["variables"]
    assert variables["AI_ASSURE_PIP_SPEC"] == f"ai-assure=={engine.__version__}"


@pytest.fixture(scope="module")
def job_python(tmp_path_factory) -> Path:
    """A fresh virtualenv standing in for the job image's Python: its bin/ goes first on PATH,
    so the job's `python -m pip install` and `ai-assure` are its own."""
    venv = tmp_path_factory.mktemp("job-image") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    return venv / "bin"


def run_job(
    job_bin: Path, project: Path, example: str, **overrides: str
) -> tuple[subprocess.CompletedProcess, dict[str, Any]]:
    """Run the `ai-assure` job on a copy of examples/EXAMPLE placed at $AI_ASSURE_PATH."""
    pipeline = effective_pipeline()
    job = pipeline["ai-assure"]
    # Job variables beat top-level ones; the release pin becomes this checkout.
    variables = {
        **pipeline["variables"],
        **job.get("variables", {}),
        "AI_ASSURE_PIP_SPEC": str(ROOT),
        "AI_ASSURE_AS_OF": AS_OF,
        **overrides,
    }
    project.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(project)], check=True)  # GitLab checks out a repo
    shutil.copytree(ROOT / "examples" / example, project / variables["AI_ASSURE_PATH"])
    ambient = {k: v for k, v in os.environ.items() if not k.startswith(("CI", "GITLAB", "AI_"))}
    env = {
        **ambient,
        **variables,
        "PATH": f"{job_bin}{os.pathsep}{os.environ['PATH']}",
        "VIRTUAL_ENV": str(job_bin.parent),
        "CI": "true",
        "GITLAB_CI": "true",
        "CI_PROJECT_DIR": str(project),
        "CI_JOB_NAME": "ai-assure",
        "CI_PIPELINE_SOURCE": "merge_request_event",
        "CI_DEFAULT_BRANCH": "main",
    }
    # The runner runs before_script and script in one shell that stops at the first failure.
    script = "\n".join(["set -eo pipefail", *job["before_script"], *job["script"]])
    done = subprocess.run(
        ["bash", "-c", script], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )
    return done, variables


def assert_code_quality(report: Path, project: Path) -> list[dict[str, Any]]:
    entries = json.loads(report.read_bytes().decode("utf-8"))  # no BOM: strict UTF-8
    assert isinstance(entries, list)
    for entry in entries:
        assert isinstance(entry["description"], str) and entry["description"]
        assert isinstance(entry["check_name"], str) and entry["check_name"]
        assert isinstance(entry["fingerprint"], str) and entry["fingerprint"]
        assert entry["severity"] in CODE_QUALITY_SEVERITIES
        assert (project / entry["location"]["path"]).is_file(), entry["location"]
        begin = entry["location"]["lines"]["begin"]
        assert type(begin) is int and begin >= 1
    assert len({entry["fingerprint"] for entry in entries}) == len(entries)
    return entries


def assert_junit(report: Path, shared: Path) -> ET.Element:
    import xmlschema

    xsd = xmlschema.XMLSchema(shared / "reference" / "schemas" / "junit-10.jenkins-xunit.xsd")
    xsd.validate(str(report))
    return ET.parse(report).getroot()


def test_job_fails_the_pipeline_on_a_high_risk_gap(job_python, tmp_path, shared_dir):
    project = tmp_path / "project"
    done, variables = run_job(job_python, project, "probation-risk-assistant")
    log = done.stdout + done.stderr
    assert done.returncode == 1, log
    assert "ai-assure: FAIL" in done.stdout and "fix:" in done.stdout
    entries = assert_code_quality(project / "gl-code-quality-report.json", project)
    assert {"MC-002", "DPIA-002"} <= {entry["check_name"] for entry in entries}
    manifest = f"{variables['AI_ASSURE_PATH']}/ai-manifest.yaml"
    assert {entry["location"]["path"] for entry in entries} == {manifest}
    junit = assert_junit(project / "junit.xml", shared_dir)
    failures = junit.findall(".//testcase/failure")
    assert failures and all((failure.text or "").strip() for failure in failures)
    sarif = json.loads((project / "gl-sarif-report.sarif").read_text())
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {e["check_name"] for e in entries}
    record = json.loads((project / "ai-assure-report.json").read_text())
    assert (record["verdict"], record["as_of"]) == ("fail", AS_OF)


def test_job_passes_a_system_without_gaps(job_python, tmp_path, shared_dir):
    project = tmp_path / "project"
    done, _ = run_job(job_python, project, "document-search")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ai-assure: PASS" in done.stdout
    entries = assert_code_quality(project / "gl-code-quality-report.json", project)
    # warnings only: a contested reading for legal review, monitoring advised (limited risk)
    assert sorted(entry["check_name"] for entry in entries) == ["CLS-007", "MON-001", "MON-002"]
    junit = assert_junit(project / "junit.xml", shared_dir)
    assert junit.findall(".//testcase") and not junit.findall(".//testcase/failure")


@pytest.fixture(scope="module")
def signed_bundle(tmp_path_factory) -> tuple[Path, Path, str]:
    """A governance release: (bundle, public key PEM, sha256 digest of the bundle)."""
    folder = tmp_path_factory.mktemp("governance")
    private, public = rsa_key_pair(folder)
    bundle = folder / "ai-assure-policy.tar.gz"
    build = [sys.executable, "-m", "engine.cli", "policy", "build", "--output", str(bundle)]
    subprocess.run([*build, "--signing-key", str(private), "--revision", "11"], check=True)
    return bundle, public, "sha256:" + hashlib.sha256(bundle.read_bytes()).hexdigest()


def test_job_evaluates_a_pinned_signed_bundle_and_fails_closed(job_python, tmp_path, signed_bundle):
    bundle, public_key, digest = signed_bundle
    for project in (tmp_path / "project", tmp_path / "other"):
        (project / "policy").mkdir(parents=True)
        shutil.copy(bundle, project / "policy" / bundle.name)
    pinned = {
        "AI_ASSURE_BUNDLE": f"policy/{bundle.name}",
        "AI_ASSURE_VERIFY_KEY": str(public_key),  # a File variable's value is a path
        "AI_ASSURE_BUNDLE_DIGEST": digest,
    }
    project = tmp_path / "project"
    done, _ = run_job(job_python, project, "document-search", **pinned)
    assert done.returncode == 0, done.stdout + done.stderr
    policy = json.loads((project / "ai-assure-report.json").read_text())["policy"]
    assert policy["revision"] == "11"
    assert policy["digest"].removeprefix("sha256:") == digest.removeprefix("sha256:")

    # Another release than the pinned one: the job cannot assess, and the gate stays shut.
    wrong = {**pinned, "AI_ASSURE_BUNDLE_DIGEST": "sha256:" + "0" * 64}
    done, _ = run_job(job_python, tmp_path / "other", "document-search", **wrong)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "ai-assure: error:" in done.stderr and "digest" in done.stderr


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"AI_ASSURE_BUNDLE_DIGEST": ""}, "the bundle is not pinned"),
        ({"AI_ASSURE_MIN_REVISION": "12"}, "its revision 11 is older than --min-revision 12"),
    ],
    ids=["unpinned", "older-than-the-floor"],
)
def test_job_refuses_an_unpinned_or_older_bundle(
    job_python, tmp_path, signed_bundle, variables, message
):
    bundle, public_key, digest = signed_bundle
    project = tmp_path / "project"
    (project / "policy").mkdir(parents=True)
    shutil.copy(bundle, project / "policy" / bundle.name)
    pinned = {
        "AI_ASSURE_BUNDLE": f"policy/{bundle.name}",
        "AI_ASSURE_VERIFY_KEY": str(public_key),
        "AI_ASSURE_BUNDLE_DIGEST": digest,
    }
    done, _ = run_job(job_python, project, "document-search", **{**pinned, **variables})
    assert done.returncode == 2, done.stdout + done.stderr
    assert "ai-assure: error: " in done.stderr and message in done.stderr
