"""`ai-assure check PATH...` and `check --discover DIR`: a portfolio checked in one run.

Each system gets the report a single check would give it, the summary covers them all, and
the exit code is the worst verdict: one broken system never hides the others' results.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
AS_OF = "2026-11-26"


@pytest.fixture
def portfolio(tmp_path) -> Path:
    """Three example systems in one repository, plus one the .gitignore hides."""
    root = tmp_path / "portfolio"
    (root / ".git").mkdir(parents=True)
    for name in ("document-search", "probation-risk-assistant", "public-llm-assistant"):
        shutil.copytree(EXAMPLES / name, root / "teams" / name)
    shutil.copytree(EXAMPLES / "document-search", root / "scratch" / "copy")
    (root / ".gitignore").write_text("scratch/\n")
    return root


def test_several_paths_give_one_summary_and_the_worst_exit_code():
    result = ai_assure(
        "check",
        "examples/document-search",
        "examples/probation-risk-assistant",
        "--as-of",
        AS_OF,
        "--format",
        "json",
    )
    assert result.returncode == 1, result.stderr  # probation fails, document search passes
    summary = json.loads(result.stdout)
    assert summary["schema"] == "ai-assure/portfolio-check/v1"
    assert summary["verdict"] == "fail"
    assert summary["totals"] == {"systems": 2, "pass": 1, "fail": 1, "error": 0}
    verdicts = {s["path"]: (s["id"], s["verdict"]) for s in summary["systems"]}
    assert verdicts == {
        "examples/document-search": ("document-search", "pass"),
        "examples/probation-risk-assistant": ("probation-risk-assistant", "fail"),
    }


def test_each_system_report_is_the_one_a_single_check_writes(portfolio, tmp_path):
    reports = tmp_path / "reports"
    result = ai_assure(
        "check", "--discover", portfolio, "--as-of", AS_OF, "--reports-dir", reports,
        "--reports-format", "json", "--reports-format", "sarif",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert sorted(p.name for p in reports.iterdir()) == [
        "document-search.json",
        "document-search.sarif",
        "probation-risk-assistant.json",
        "probation-risk-assistant.sarif",
        "public-llm-assistant.json",
        "public-llm-assistant.sarif",
    ]  # scratch/copy is gitignored
    single = ai_assure(
        "check", portfolio / "teams" / "probation-risk-assistant", "--as-of", AS_OF,
        "--format", "json",
    )  # fmt: skip
    assert (reports / "probation-risk-assistant.json").read_text() == single.stdout


def test_an_error_in_one_system_does_not_hide_the_others(portfolio):
    broken = portfolio / "teams" / "broken"
    broken.mkdir()
    (broken / "ai-manifest.yaml").write_text("apiVersion: ai-assure/v2\nkind: [\n")
    result = ai_assure("check", "--discover", portfolio, "--as-of", AS_OF, "--format", "json")
    assert result.returncode == 2
    summary = json.loads(result.stdout)
    verdicts = {s["path"].rsplit("/", 1)[-1]: s["verdict"] for s in summary["systems"]}
    assert verdicts == {
        "broken": "error",
        "document-search": "pass",
        "probation-risk-assistant": "fail",
        "public-llm-assistant": "pass",
    }
    assert f"ai-assure: error: {broken.as_posix()}: " in result.stderr


def test_parallel_workers_give_the_same_bytes_as_one_process(portfolio, tmp_path):
    outputs = {}
    for jobs in ("1", "2"):
        folder = tmp_path / f"jobs-{jobs}"
        result = ai_assure(
            "check", "--discover", portfolio, "--as-of", AS_OF, "--jobs", jobs,
            "--format", f"json={folder}/summary.json", "--format", f"junit={folder}/junit.xml",
            "--format", f"sarif={folder}/results.sarif", "--format", "text",
            "--reports-dir", folder / "reports",
        )  # fmt: skip
        assert result.returncode == 1, result.stderr
        outputs[jobs] = {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        } | {"stdout": result.stdout.encode()}
    assert outputs["1"] == outputs["2"]
    assert len(outputs["1"]) == 7


def test_junit_has_one_suite_and_sarif_one_run_per_system(portfolio, tmp_path):
    junit, sarif = tmp_path / "junit.xml", tmp_path / "results.sarif"
    result = ai_assure(
        "check", "--discover", portfolio, "--as-of", AS_OF,
        "--format", f"junit={junit}", "--format", f"sarif={sarif}",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    root = ET.parse(junit).getroot()
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "ai-assure.document-search",
        "ai-assure.probation-risk-assistant",
        "ai-assure.public-llm-assistant",
    ]
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in suites) > 0
    log = json.loads(sarif.read_text())
    assert [run["automationDetails"]["id"] for run in log["runs"]] == [
        "ai-assure/document-search/",
        "ai-assure/probation-risk-assistant/",
        "ai-assure/public-llm-assistant/",
    ]
    assert log["version"] == "2.1.0"


def test_the_text_summary_lists_every_system_worst_first(portfolio):
    result = ai_assure("check", "--discover", portfolio, "--as-of", AS_OF)
    lines = result.stdout.splitlines()
    assert lines[0] == f"ai-assure portfolio check: 3 systems as of {AS_OF} (fail on high)"
    assert lines[2].startswith("FAIL   probation-risk-assistant")
    assert lines[-1] == "2 pass, 1 fail, 0 error; portfolio verdict: FAIL"
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_a_system_id_used_twice_fails_the_run(portfolio):
    shutil.copytree(portfolio / "teams" / "document-search", portfolio / "teams" / "twin")
    result = ai_assure("check", "--discover", portfolio, "--as-of", AS_OF, "--format", "json")
    assert result.returncode == 2
    assert "system id 'document-search' is used by more than one manifest" in result.stderr
    assert json.loads(result.stdout)["verdict"] == "error"


def test_a_folder_without_manifests_is_an_error(tmp_path):
    result = ai_assure("check", "--discover", tmp_path, "--as-of", AS_OF)
    assert result.returncode == 2
    assert "no ai-manifest.yaml found below it" in result.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["examples/document-search", "--jobs", "2"], "apply to a portfolio run"),
        (["examples/document-search", "examples/document-search", "--attest", "r.json"],
         "--attest records one system"),
        (["--discover", "examples", "--format", "html"], "unknown format 'html'"),
    ],
)  # fmt: skip
def test_options_that_do_not_fit_the_run_are_refused(arguments, message):
    result = ai_assure("check", *arguments, "--as-of", AS_OF)
    assert result.returncode == 2
    assert message in result.stderr


def test_the_summaries_validate_against_the_consumers_schemas(portfolio, tmp_path, shared_dir):
    """The strict Jenkins JUnit schema and both SARIF 2.1.0 schemas, also when the run had
    problems of its own (a duplicated system id here) that belong to no system."""
    import xmlschema
    from jsonschema import Draft4Validator, Draft202012Validator

    shutil.copytree(portfolio / "teams" / "document-search", portfolio / "teams" / "twin")
    junit, sarif = tmp_path / "junit.xml", tmp_path / "results.sarif"
    result = ai_assure(
        "check", "--discover", portfolio, "--as-of", AS_OF,
        "--format", f"junit={junit}", "--format", f"sarif={sarif}",
    )  # fmt: skip
    assert result.returncode == 2
    schemas = shared_dir / "reference" / "schemas"
    xmlschema.XMLSchema(str(schemas / "junit-10.jenkins-xunit.xsd")).validate(str(junit))
    root = ET.parse(junit).getroot()
    assert root.findall("testsuite")[-1].get("name") == "ai-assure.portfolio"
    log = json.loads(sarif.read_text())
    for name, validator in (
        ("sarif-schema-2.1.0.oasis-errata01.json", Draft4Validator),
        ("sarif-schema-2.1.0.codeql-action-2020-12.json", Draft202012Validator),
    ):
        validator(json.loads((schemas / name).read_text())).validate(log)
    assert log["runs"][-1]["invocations"][0]["executionSuccessful"] is False
