"""The tools' formats as older versions, crashed runs and Python's JSON write them: each case
starts from a real output (tests/fixtures/evidence) and changes only what that variant
changes, so the readers are tested on what teams actually commit."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from adapters._zip import Archive
from adapters.evaluation import EvaluationAdapter, RedTeamAdapter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "evidence"
INSPECT_JSON = FIXTURES / "inspect" / "refusal-check.json"
INSPECT_EVAL = FIXTURES / "inspect" / "refusal-check.eval"
GARAK = FIXTURES / "garak" / "visits-redteam.report.jsonl"


def _inspect_log() -> dict[str, Any]:
    log: dict[str, Any] = json.loads(INSPECT_JSON.read_text())
    return log


def _garak_lines() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GARAK.read_text().splitlines() if line.strip()]


def _jsonl(lines: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


# --- Inspect AI ----------------------------------------------------------------------------


def test_an_inspect_metric_written_as_nan_is_left_out_with_a_warning() -> None:
    """Inspect writes a metric it could not compute as NaN (EvalLog: ser_json_inf_nan)."""
    text = INSPECT_JSON.read_text().replace('"value": 0.28867513459481287', '"value": NaN')
    parsed = EvaluationAdapter().parse("refusal-check.json", text.encode())
    assert parsed.errors == []
    assert [m["name"] for m in parsed.facts["metrics"]] == ["accuracy"]
    assert parsed.warnings == [
        "1 numbers that are not finite (NaN) were read as null; a metric holding one is left out"
    ]


def test_nan_in_an_inspect_eval_archive_member_is_read_the_same_way() -> None:
    source = Archive(INSPECT_EVAL.read_bytes())  # Zstandard members, which zipfile may not read
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.names:
            data = source.read(name)
            if name == "header.json":
                header = json.loads(data)
                header["results"]["scores"][0]["metrics"]["accuracy"]["value"] = float("nan")
                data = json.dumps(header).encode()  # Python writes NaN
            target.writestr(name, data)
    parsed = EvaluationAdapter().parse("refusal-check.eval", out.getvalue())
    assert parsed.format == "inspect-ai-eval"
    assert parsed.errors == []
    assert "accuracy" not in [m["name"] for m in parsed.facts["metrics"]]
    assert parsed.warnings[0].startswith("1 numbers that are not finite (NaN)")


def test_an_inspect_log_from_before_0_3_has_one_scorer_and_one_score_per_sample() -> None:
    log = _inspect_log()
    (score,) = log["results"].pop("scores")
    log["results"]["metrics"] = score.pop("metrics")
    log["results"]["scorer"] = score
    for sample in log["samples"]:
        (sample["score"],) = sample.pop("scores").values()
    parsed = EvaluationAdapter().parse("old.json", json.dumps(log).encode())
    assert parsed.errors == []
    assert [(m["name"], m["value"]) for m in parsed.facts["metrics"]] == [("accuracy", 0.5)]
    assert parsed.facts["tests"] == {"total": 4, "passed": 2, "failed": 2}


def test_a_registry_task_keeps_its_full_name() -> None:
    log = _inspect_log()
    log["eval"]["task"] = "inspect_evals/strong_reject"
    facts = RedTeamAdapter().parse("run.json", json.dumps(log).encode()).facts
    assert facts["categories"] == ["inspect_evals/strong_reject"]
    assert facts["category_results"][0]["pass_rate"] == 0.5


# --- garak ---------------------------------------------------------------------------------


def test_garak_probes_named_with_their_module_prefix_are_the_same_categories() -> None:
    lines = _garak_lines()
    for line in lines:
        if line["entry_type"] == "eval":
            line["probe"] = "probes." + line["probe"]
    facts = RedTeamAdapter().parse("run.report.jsonl", _jsonl(lines)).facts
    assert facts["categories"] == [
        "dan.Dan_11_0",
        "lmrc.Profanity",
        "promptinject.HijackHateHumans",
    ]


def test_an_older_garak_report_gives_totals_and_model_under_its_old_keys() -> None:
    """garak before 0.13 wrote `total` (no `fails`) and named the generator model_type."""
    lines = _garak_lines()
    setup = {"entry_type": "start_run setup", "_config.model_type": "huggingface",
             "_config.model_name": "gpt2"}  # fmt: skip
    evals = []
    for line in lines:
        if line["entry_type"] == "eval":
            evals.append({"entry_type": "eval", "probe": line["probe"],
                          "detector": line["detector"], "passed": line["passed"],
                          "total": line["total_evaluated"]})  # fmt: skip
    init = next(line for line in lines if line["entry_type"] == "init")
    parsed = RedTeamAdapter().parse("old.report.jsonl", _jsonl([setup, init, *evals]))
    assert parsed.facts["target"] == "huggingface gpt2"
    assert parsed.facts["tests"] == {"total": 28, "passed": 21, "failed": 7}
    assert parsed.warnings[0].startswith("no completion entry")


def test_a_garak_eval_entry_with_fails_and_total_only_is_counted() -> None:
    lines = [
        {"entry_type": "start_run setup", "plugins.target_type": "test"},
        {"entry_type": "eval", "probe": "dan.Dan_11_0", "detector": "dan.DAN", "fails": 2,
         "total_evaluated": 5},
        {"entry_type": "completion", "end_time": "2026-12-07T00:00:00", "run": "r"},
    ]  # fmt: skip
    parsed = RedTeamAdapter().parse("r.report.jsonl", _jsonl(lines))
    assert parsed.errors == []
    assert parsed.facts["tests"] == {"total": 5, "passed": 3, "failed": 2}


def test_a_garak_eval_entry_that_cannot_be_counted_is_an_error() -> None:
    lines = [
        {"entry_type": "start_run setup"},
        {"entry_type": "eval", "probe": "dan.Dan_11_0", "passed": 7, "total": 5},
    ]
    (error,) = RedTeamAdapter().parse("r.report.jsonl", _jsonl(lines)).errors
    assert error.startswith("an eval entry without a probe or counts:")


# --- our format ----------------------------------------------------------------------------


def test_our_format_keeps_the_target_and_the_strategies() -> None:
    report = {
        "schema": "ai-assure/evaluation/v1", "date": "2026-10-29", "tool": "internal harness",
        "target": "staging deployment", "tests": {"total": 10, "passed": 10, "failed": 0},
        "categories": ["pii-leak"], "strategies": ["jailbreak", "multilingual"],
    }  # fmt: skip
    parsed = RedTeamAdapter().parse("red-team.json", json.dumps(report).encode())
    assert parsed.errors == []
    assert parsed.facts["target"] == "staging deployment"
    assert parsed.facts["strategies"] == ["jailbreak", "multilingual"]


def test_a_hit_log_of_one_hit_is_still_a_hit_log() -> None:
    first = (FIXTURES / "garak" / "visits-redteam.hitlog.jsonl").read_text().splitlines()[0]
    parsed = RedTeamAdapter().parse("run.hitlog.jsonl", (first + "\n").encode())
    assert parsed.format == "garak-hitlog"
    assert parsed.facts["categories"] == ["dan.Dan_11_0"]
