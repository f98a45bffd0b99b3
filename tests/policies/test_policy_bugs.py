"""Policy bugs, reproduced through the real command line on the embedded evaluator and on
real OPA: each input below made a policy fail (exit 2) or decide differently by evaluator
before the fix. Their Rego unit tests sit beside the rules."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cli import ai_assure

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
AS_OF = "2026-11-26"


@pytest.fixture(params=["embedded", "opa"])
def evaluator(request) -> list[str]:
    """The options that pick the evaluator: the embedded one, or real OPA (`opa eval`)."""
    if request.param == "embedded":
        return []
    return ["--evaluator", "opa", "--opa-binary", request.getfixturevalue("opa_binary")]


def example(tmp_path: Path, name: str) -> Path:
    """A copy of an example system in its own repository, to change."""
    folder = tmp_path / name
    shutil.copytree(EXAMPLES / name, folder)
    (folder / ".git").mkdir()
    return folder


def check(repo: Path, evaluator: list[str]) -> tuple[int, dict[str, Any]]:
    result = ai_assure("check", repo, "--as-of", AS_OF, "--format", "json", *evaluator)
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)


def finding(report: dict[str, Any], rule_id: str) -> dict[str, Any]:
    [found] = [f for f in report["findings"] if f["rule_id"] == rule_id]
    return found


# --- dates: day numbers, not nanoseconds (policies/lib/dates.rego) -------------------------


def set_review_date(repo: Path, date: str) -> None:
    dpia = repo / "docs" / "dpia.yaml"
    text = dpia.read_text(encoding="utf-8")
    assert "review_by: 2027-07-01\n" in text
    dpia.write_text(text.replace("review_by: 2027-07-01\n", f"review_by: {date}\n"))


def test_a_date_after_2262_is_compared_not_an_error(tmp_path, evaluator):
    # time.parse_ns overflowed after 2262-04-11: the whole check ended with exit 2
    repo = example(tmp_path, "public-llm-assistant")
    set_review_date(repo, "2300-07-01")
    code, report = check(repo, evaluator)
    assert report["errors"] == [] and report["verdict"] == "pass" and code == 0
    assert finding(report, "DPIA-002")["status"] == "pass"


def test_a_date_before_1678_is_in_the_past(tmp_path, evaluator):
    repo = example(tmp_path, "public-llm-assistant")
    set_review_date(repo, "1500-07-01")
    code, report = check(repo, evaluator)
    assert report["errors"] == [] and code == 1
    overdue = finding(report, "DPIA-002")
    assert overdue["status"] == "fail"
    assert "1500-07-01" in overdue["message"]


# --- GEN-001/GEN-002: a red-team report without tests -------------------------------------


def test_a_red_team_report_without_tests_is_a_finding_not_an_error(tmp_path, evaluator):
    # GEN-002 read the adapter's `tests: null` with object.get, a policy error (exit 2)
    repo = example(tmp_path, "public-llm-assistant")
    path = repo / "reports" / "red-team-2026-10.json"
    report_file = json.loads(path.read_text(encoding="utf-8"))
    del report_file["tests"]
    path.write_text(json.dumps(report_file), encoding="utf-8")
    code, report = check(repo, evaluator)
    assert report["errors"] == [] and report["verdict"] == "fail" and code == 1
    untested = finding(report, "GEN-001")
    assert untested["status"] == "fail"
    assert "reports/red-team-2026-10.json records no tests" in untested["message"]
    assert finding(report, "GEN-002")["status"] == "pass"  # coverage is judged on tested reports


# --- EVAL-003: metrics without thresholds --------------------------------------------------


def set_metrics(repo: Path, metrics: list[dict[str, Any]]) -> None:
    path = repo / "reports" / "evaluation-2026-10.json"
    evaluation = json.loads(path.read_text(encoding="utf-8"))
    evaluation["metrics"] = metrics
    path.write_text(json.dumps(evaluation), encoding="utf-8")


def test_no_metric_with_a_threshold_but_defaults_that_are_met_passes(tmp_path, evaluator):
    # rego-cpp evaluated `every m in metrics { ...; not _default(...) }` wrongly: the
    # embedded evaluator failed EVAL-003 ("sets no threshold ... none has a default")
    repo = example(tmp_path, "probation-risk-assistant")
    set_metrics(
        repo,
        [
            {"name": "auc", "value": 0.78},
            {"name": "latency_ms_p95", "value": 180},
        ],
    )
    _, report = check(repo, evaluator)
    assert report["errors"] == []
    assert finding(report, "EVAL-003")["status"] == "pass"


def test_no_metric_with_a_threshold_or_a_default_still_fails(tmp_path, evaluator):
    repo = example(tmp_path, "probation-risk-assistant")
    set_metrics(repo, [{"name": "latency_ms_p95", "value": 180}])
    _, report = check(repo, evaluator)
    assert report["errors"] == []
    missing = finding(report, "EVAL-003")
    assert missing["status"] == "fail"
    assert "sets no threshold for any of its 1 metrics and none has a default" in missing["message"]
