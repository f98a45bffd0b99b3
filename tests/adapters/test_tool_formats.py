"""Evaluation and red-team reports from the tools teams run, read through the real command
line (`ai-assure evidence` and `ai-assure check`). The fixtures are each tool's own output,
generated offline (tests/fixtures/SOURCES.md)."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest

from adapters.evaluation import EvaluationAdapter, RedTeamAdapter
from tests.cli import ai_assure

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "evidence"

MANIFEST = textwrap.dedent(
    """\
    apiVersion: ai-assure/v1
    kind: AISystem
    metadata:
      id: visits-assistant
      name: Visits Assistant
      owner:
        team: Visits Digital
        senior_responsible_owner: Head of Digital
        contact: visits@example.gov.uk
      lifecycle_stage: alpha
    system:
      description: Answers questions about prison visits.
      purpose: Help the public book visits.
      users: [members of the public]
      deployment: public-facing
      decision_role: content-generation
      interacts_with_public: true
      human_oversight:
        mode: human-on-the-loop
        description: Staff review a sample of conversations every week.
    models:
      - name: assistant
        version: 1.0.0
        type: foundation-model
        provider: Example Models
    evidence:
      {kind}: [{path}]
    """
)

# fixture -> (kind, format, facts the file must give)
EXPECTED: dict[str, tuple[str, str, dict[str, Any]]] = {
    "inspect/refusal-check.json": ("evaluations", "inspect-ai", {
        "date": "2026-12-07", "tool": "inspect_ai 0.3.285", "target": "mockllm/model",
        "tests": {"total": 4, "passed": 2, "failed": 2}, "categories": ["refusal_check"],
    }),
    "inspect/refusal-check.eval": ("evaluations", "inspect-ai-eval", {
        "date": "2026-12-07", "target": "mockllm/model",
        "tests": {"total": 4, "passed": 2, "failed": 2},
    }),
    "promptfoo/eval-results.json": ("evaluations", "promptfoo", {
        "tool": "promptfoo", "target": "visits-assistant", "categories": [],
        "tests": {"total": 3, "passed": 2, "failed": 1},
    }),
    "promptfoo/redteam-results.json": ("red_team", "promptfoo", {
        "categories": ["contracts", "excessive-agency", "pii:direct"],
        "strategies": ["base64", "leetspeak", "rot13"], "target": "visits-assistant",
        "tests": {"total": 32, "passed": 32, "failed": 0},
    }),
    "lm-eval/results_2026-12-07T00-18-30.434401.json": ("evaluations", "lm-eval", {
        "date": "2026-12-07", "tool": "lm-evaluation-harness 0.4.13", "categories": ["visits_mc"],
        "tests": None,
    }),
    "huggingface/eval_results.yaml": ("evaluations", "huggingface-eval-results", {
        "date": "2026-10-02", "categories": ["Idavidrein/gpqa", "cais/hle"],
    }),
    "garak/visits-redteam.report.jsonl": ("red_team", "garak", {
        "tool": "garak 0.17.1", "target": "test.Repeat echo", "date": "2026-12-07",
        "categories": ["dan.Dan_11_0", "lmrc.Profanity", "promptinject.HijackHateHumans"],
        "tests": {"total": 28, "passed": 21, "failed": 7},
    }),
    "deepeval/test_run_20261207_000707.json": ("evaluations", "deepeval", {
        "date": "2026-12-07", "tool": "deepeval", "tests": {"total": 3, "passed": 2, "failed": 1},
    }),
    "deepeval/latest_test_run.json": ("evaluations", "deepeval", {
        "date": None, "tests": {"total": 3, "passed": 2, "failed": 1},
    }),
}  # fmt: skip


def _repo(tmp_path: Path, fixture: str, kind: str) -> Path:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    target = repo / "reports" / Path(fixture).name
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / fixture, target)
    manifest = MANIFEST.replace("{kind}", kind).replace("{path}", f"reports/{target.name}")
    (repo / "ai-manifest.yaml").write_text(manifest)
    return repo


def _understood(repo: Path) -> dict[str, Any]:
    result = ai_assure("evidence", repo, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    (record,) = json.loads(result.stdout)["evidence"]
    return record


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_each_tool_output_is_read_by_its_own_reader(tmp_path: Path, fixture: str) -> None:
    kind, fmt, facts = EXPECTED[fixture]
    record = _understood(_repo(tmp_path, fixture, kind))
    assert record["format"] == fmt
    assert record["status"] == "ok", record["errors"]
    assert {key: record["facts"][key] for key in facts} == facts


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
@pytest.mark.parametrize("adapter", [EvaluationAdapter(), RedTeamAdapter()])
def test_exactly_one_reader_claims_each_tool_output(fixture: str, adapter: Any) -> None:
    from adapters.interface import EvidenceFile

    file = EvidenceFile(Path(fixture).name, (FIXTURES / fixture).read_bytes())
    claims = [reader.format for reader in adapter.readers if reader.recognises(file)]
    assert claims == [EXPECTED[fixture][1]]


def test_an_inspect_run_that_failed_is_invalid_with_its_error(tmp_path: Path) -> None:
    record = _understood(_repo(tmp_path, "inspect/broken-task.eval", "evaluations"))
    assert record["status"] == "invalid"
    assert record["errors"] == [
        "the Inspect run's status is error: RuntimeError('the solver failed on purpose'): "
        "the evaluation did not complete"
    ]


def test_a_garak_hit_log_is_read_with_a_warning_that_it_counts_no_tests(tmp_path: Path) -> None:
    record = _understood(_repo(tmp_path, "garak/visits-redteam.hitlog.jsonl", "red_team"))
    assert record["format"] == "garak-hitlog"
    assert record["facts"]["tests"] is None
    assert record["facts"]["categories"] == ["dan.Dan_11_0", "promptinject.HijackHateHumans"]
    assert "lists only the 7 attacks that got through" in record["warnings"][0]


def test_evidence_text_names_adapter_format_and_facts(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "garak/visits-redteam.report.jsonl", "red_team")
    result = ai_assure("evidence", repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "red_team: reports/visits-redteam.report.jsonl [ok]\n"
        "  adapter: evaluation, format: garak\n  facts:\n"
    )
    assert '    tool: "garak 0.17.1"\n' in result.stdout


def test_a_file_no_reader_recognises_is_invalid_and_fails_evid_001(tmp_path: Path) -> None:
    """An lm-eval file declared as a model card: named for what it is, never `ok`."""
    fixture = "lm-eval/results_2026-12-07T00-18-30.434401.json"
    repo = _repo(tmp_path, fixture, "evaluations")
    manifest = (repo / "ai-manifest.yaml").read_text()
    manifest = manifest.replace("    provider: Example Models\n", (
        "    provider: Example Models\n"
        f"    model_card: reports/{Path(fixture).name}\n"
    ))  # fmt: skip
    (repo / "ai-manifest.yaml").write_text(manifest)
    result = ai_assure("evidence", repo, "--format", "json")
    assert result.returncode == 1
    cards = [e for e in json.loads(result.stdout)["evidence"] if e["kind"] == "model_cards"]
    assert cards[0]["status"] == "invalid"
    assert (
        "an lm-evaluation-harness results file (read as evidence.evaluations"
        in (cards[0]["errors"][0])
    )
    check = ai_assure("check", repo, "--format", "json", "--as-of", "2026-12-10")
    report = json.loads(check.stdout)
    failed = [f for f in report["findings"] if f["rule_id"] == "EVID-001" and f["status"] == "fail"]
    assert any(Path(fixture).name in f["message"] for f in failed)


def test_the_report_carries_the_facts_the_policies_saw(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "promptfoo/redteam-results.json", "red_team")
    check = ai_assure("check", repo, "--format", "json", "--as-of", "2026-12-10")
    assert check.returncode in (0, 1), check.stderr
    (record,) = [e for e in json.loads(check.stdout)["evidence"] if e["kind"] == "red_team"]
    assert record["facts"]["strategies"] == ["base64", "leetspeak", "rot13"]
    assert record["facts_truncated"] is False
