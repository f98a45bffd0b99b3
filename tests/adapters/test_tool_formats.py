"""Evidence from the tools teams run, read through the real command line (`ai-assure evidence`
and `ai-assure check`): evaluation and red-team reports, model cards, SBOMs and impact
assessments. The fixtures are each tool's own output, generated offline, or written in the
tool's documented format where no tool writes it (tests/fixtures/SOURCES.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from adapters.evaluation import EvaluationAdapter, RedTeamAdapter
from tests.cli import ai_assure, one_evidence_manifest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "evidence"

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
    "model-card/visits-topic-classifier-README.md": ("model_cards", "huggingface", {
        "name": "visits-topic-classifier", "license": "apache-2.0",
        "base_model": "distilbert/distilbert-base-uncased",
        "sections": ["evaluation", "intended_use", "limitations", "model_details",
                     "out_of_scope_use", "training_data"],
    }),
    "model-card/risk-scorer.mct-0.0.1.json": ("model_cards", "model-card-toolkit", {
        "license": "Apache-2.0", "datasets": ["oasys-extract-2024", "oasys-holdout-2025"],
    }),
    "cyclonedx/environment-1.6.cdx.xml": ("sbom", "cyclonedx-xml", {"spec_version": "1.6"}),
    "dpia/visits-assistant-dpia.md": ("dpia", "markdown-document", {
        "status": "approved", "review_by": "2027-07-01", "missing_fields": [],
    }),
    "dpia/visits-assistant-dpia.docx": ("dpia", "docx", {
        "status": "approved", "approved_on": "2026-06-24", "missing_fields": [],
    }),
}  # fmt: skip


def _repo(tmp_path: Path, fixture: str, kind: str) -> Path:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    target = repo / "reports" / Path(fixture).name
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / fixture, target)
    manifest = one_evidence_manifest(kind, f"reports/{target.name}")
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


EVALUATIONS = sorted(
    n for n, (kind, _, _) in EXPECTED.items() if kind in ("evaluations", "red_team")
)


@pytest.mark.parametrize("fixture", EVALUATIONS)
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


def _messages(report: dict[str, Any], rule: str) -> dict[str, str]:
    return {f["message"]: f["status"] for f in report["findings"] if f["rule_id"] == rule}


def test_a_promptfoo_red_team_covers_what_its_plugins_and_strategies_attack(
    tmp_path: Path,
) -> None:
    """Plugins contracts (LLM09), excessive-agency (LLM06), pii:direct (LLM02); strategies
    base64, rot13, leetspeak (obfuscated prompt injection, LLM01): a limited-risk system's
    OWASP risks are covered, every category passing."""
    repo = _repo(tmp_path, "promptfoo/redteam-results.json", "red_team")
    report = json.loads(
        ai_assure("check", repo, "--format", "json", "--as-of", "2026-12-10").stdout
    )
    assert report["tier"]["level"] == "limited"
    assert _messages(report, "GEN-003") == {"passed": "pass"}


def test_a_garak_run_is_judged_by_what_its_probes_attack(tmp_path: Path) -> None:
    """dan and promptinject test prompt injection (LLM01), lmrc harmful content (no OWASP
    risk): LLM02 and LLM09 are untested, and dan.Dan_11_0 let most attacks through."""
    repo = _repo(tmp_path, "garak/visits-redteam.report.jsonl", "red_team")
    report = json.loads(
        ai_assure("check", repo, "--format", "json", "--as-of", "2026-12-10").stdout
    )
    messages = _messages(report, "GEN-003")
    untested = (
        "The red-team reports (reports/visits-redteam.report.jsonl) do not test LLM02 "
        "Sensitive Information Disclosure, LLM09 Misinformation, which a limited-risk "
        "generative system must (OWASP Top 10 for LLM Applications 2025; covered: LLM01)"
    )
    assert messages[untested] == "fail"
    assert any(
        m.startswith("The red-team report reports/visits-redteam.report.jsonl tests LLM01 Prompt "
                     "Injection with dan.Dan_11_0 (MITRE ATLAS AML.T0054), which passed ")
        for m in messages
    )  # fmt: skip
    # GEN-002: dan is a jailbreak, promptinject a prompt injection, lmrc harmful content;
    # only pii is missing of red_team.required_categories, whatever garak calls its probes
    assert any(
        "does not cover the attack categories: pii (covered:" in m
        for m in _messages(report, "GEN-002")
    )


def test_the_report_bounds_the_facts_and_evidence_shows_them_all(tmp_path: Path) -> None:
    """An SBOM of 2,000 components: the report's facts are cut to 16 KiB, the same way every
    time; `ai-assure evidence --format json` prints every component."""
    repo = _repo(tmp_path, "cyclonedx/environment-1.6.cdx.xml", "sbom")
    components = [
        {"type": "library", "name": f"library-{n:04d}", "version": "1.0",
         "purl": f"pkg:pypi/library-{n:04d}@1.0"}
        for n in range(2000)
    ]  # fmt: skip
    bom = {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": components}
    (repo / "reports" / "environment-1.6.cdx.xml").unlink()
    (repo / "reports" / "big.cdx.json").write_text(json.dumps(bom))
    manifest = (repo / "ai-manifest.yaml").read_text()
    (repo / "ai-manifest.yaml").write_text(
        manifest.replace("environment-1.6.cdx.xml", "big.cdx.json")
    )
    reports = [
        ai_assure("check", repo, "--format", "json", "--as-of", "2026-12-10").stdout
        for _ in range(2)
    ]
    assert reports[0] == reports[1]
    (record,) = [e for e in json.loads(reports[0])["evidence"] if e["kind"] == "sbom"]
    assert record["facts_truncated"] is True
    assert len(json.dumps(record["facts"], separators=(",", ":"))) <= 16 * 1024
    assert record["facts"]["component_count"] == 2000
    assert 0 < len(record["facts"]["components"]) < 2000
    assert len(_understood(repo)["facts"]["components"]) == 2000
