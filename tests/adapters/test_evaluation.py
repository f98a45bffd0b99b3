"""Evaluation and red-team reports: `ai-assure/evaluation/v1` JSON and promptfoo output."""

from __future__ import annotations

import json
from typing import Any

import pytest

from adapters.evaluation import EvaluationAdapter, RedTeamAdapter

parse = EvaluationAdapter().parse


def _ours(**changes: Any) -> bytes:
    report = {
        "schema": "ai-assure/evaluation/v1",
        "date": "2026-10-01",
        "tool": "ai-assure-eval 1.2",
        "metrics": [
            {"name": "accuracy", "value": 0.91, "threshold": 0.85, "direction": "higher"},
            {"name": "false_positive_rate", "value": 0.12, "threshold": 0.1,
             "direction": "lower", "group": "female"},
            {"name": "false_positive_rate", "value": 0.08, "threshold": 0.1,
             "direction": "lower", "group": "male"},
            {"name": "latency_ms", "value": 180},
        ],
        "tests": {"total": 120, "passed": 118, "failed": 2},
        "categories": ["prompt-injection", "pii-leak"],
    }  # fmt: skip
    report.update(changes)
    return json.dumps(report).encode()


def test_our_format_computes_pass_and_fail_per_metric() -> None:
    parsed = parse("eval.json", _ours())
    assert parsed.errors == []
    assert parsed.format == "ai-assure"
    assert parsed.facts == {
        "date": "2026-10-01",
        "tool": "ai-assure-eval 1.2",
        "metrics": [
            {"name": "accuracy", "value": 0.91, "threshold": 0.85, "direction": "higher",
             "group": None, "task": None, "passed": True},
            {"name": "false_positive_rate", "value": 0.12, "threshold": 0.1, "direction": "lower",
             "group": "female", "task": None, "passed": False},
            {"name": "false_positive_rate", "value": 0.08, "threshold": 0.1, "direction": "lower",
             "group": "male", "task": None, "passed": True},
            {"name": "latency_ms", "value": 180, "threshold": None, "direction": None,
             "group": None, "task": None, "passed": None},
        ],
        "failed_metrics": ["false_positive_rate"],  # the group is in the metric itself
        "tests": {"total": 120, "passed": 118, "failed": 2},
        "categories": ["pii-leak", "prompt-injection"],
        "target": None,
        "strategies": [],
        "category_results": [],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("value", "direction", "passed"),
    [
        (0.85, "higher", True),
        (0.84, "higher", False),
        (0.85, "lower", True),
        (0.86, "Lower", False),
    ],
)
def test_a_threshold_is_met_inclusively(value: float, direction: str, passed: bool) -> None:
    metric = {"name": "m", "value": value, "threshold": 0.85, "direction": direction}
    facts = parse("eval.json", _ours(metrics=[metric])).facts
    assert facts["metrics"][0]["passed"] is passed
    assert facts["failed_metrics"] == ([] if passed else ["m"])


@pytest.mark.parametrize("direction", ["\u200bhigher", "higher\ufeff", "\u00a0Higher\u3000"])
def test_a_direction_with_invisible_characters_at_its_ends_is_that_direction(
    direction: str,
) -> None:
    metric = {"name": "m", "value": 0.84, "threshold": 0.85, "direction": direction}
    parsed = parse("eval.json", _ours(metrics=[metric]))
    assert parsed.errors == []
    assert parsed.facts["metrics"][0]["direction"] == "higher"
    assert parsed.facts["metrics"][0]["passed"] is False


def test_tests_and_categories_are_optional() -> None:
    report = json.loads(_ours())
    del report["tests"], report["categories"]
    facts = parse("eval.json", json.dumps(report).encode()).facts
    assert facts["tests"] is None
    assert facts["categories"] == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": "1 Oct 2026"},
         "date: expected a date written YYYY-MM-DD, found text '1 Oct 2026'"),
        ({"date": None}, "date: is required"),
        ({"tool": 7}, "tool: expected text, found number 7"),
        ({"metrics": {"accuracy": 0.9}},
         "metrics: expected a list of metric mappings, found a mapping"),
        ({"metrics": [{"name": "a", "value": "0.9"}]},
         "metrics[0].value: expected a number, found text '0.9'"),
        ({"metrics": [{"value": 0.9}]}, "metrics[0].name: is required"),
        ({"metrics": [{"name": "a", "value": 0.9, "threshold": 0.8}]},
         "metrics[0].direction: is required with a threshold (higher or lower)"),
        ({"metrics": [{"name": "a", "value": 0.9, "threshold": 0.8, "direction": "up"}]},
         "metrics[0].direction: expected higher or lower, found text 'up'"),
        ({"metrics": [{"name": "a", "value": 1}, {"name": "a", "value": 2}]},
         "metrics[1]: duplicate metric 'a'"),
        ({"tests": {"total": 10, "passed": 9}}, "tests.failed: is required"),
        ({"tests": {"total": 10, "passed": 9, "failed": 2}},
         "tests: passed + failed is more than total (10)"),
        ({"tests": {"total": -1, "passed": 0, "failed": 0}},
         "tests.total: expected a whole number >= 0, found number -1"),
        ({"categories": "pii"}, "categories: expected a list of text, found text 'pii'"),
        ({"schema": "ai-assure/evaluation/v2"},
         "schema: expected 'ai-assure/evaluation/v1', found text 'ai-assure/evaluation/v2'"),
    ],
)  # fmt: skip
def test_our_format_reports_each_problem(changes: dict[str, Any], message: str) -> None:
    parsed = parse("eval.json", _ours(**changes))
    assert message in parsed.errors, parsed.errors


def test_a_bad_metric_is_left_out_of_the_facts() -> None:
    metrics = [{"name": "ok", "value": 1}, {"name": "bad", "value": True}]
    facts = parse("eval.json", _ours(metrics=metrics)).facts
    assert [m["name"] for m in facts["metrics"]] == ["ok"]


def _row(success: bool, plugin: str | None = None, where: str = "testCase") -> dict[str, Any]:
    """One promptfoo result row; red-team rows carry their plugin id in metadata."""
    row: dict[str, Any] = {
        "promptIdx": 0,
        "testIdx": 0,
        "provider": {"id": "openai:gpt-4.1-mini"},
        "success": success,
        "score": 1.0 if success else 0.0,
        "failureReason": 0 if success else 1,
        "gradingResult": {"pass": success, "score": 1.0 if success else 0.0, "reason": "..."},
    }
    metadata = {"pluginId": plugin, "severity": "high", "strategyId": "jailbreak"}
    if plugin and where == "testCase":
        row["testCase"] = {"vars": {"query": "..."}, "metadata": metadata}
    elif plugin and where == "row":
        row["metadata"] = metadata
    elif plugin:
        row["gradingResult"]["metadata"] = {"pluginId": plugin}
    return row


def _promptfoo(rows: list[dict[str, Any]], stats: dict[str, Any] | None = None) -> bytes:
    """A `promptfoo eval --output results.json` file (results version 3)."""
    summary: dict[str, Any] = {
        "version": 3,
        "timestamp": "2026-09-25T23:30:00.000Z",
        "prompts": [{"raw": "Answer: {{query}}", "label": "p1"}],
        "results": rows,
    }
    if stats is not None:
        summary["stats"] = stats
    return json.dumps(
        {
            "evalId": "eval-abc-2026-09-25T23:30:00",
            "results": summary,
            "config": {},
            "shareableUrl": None,
            "metadata": {"promptfooVersion": "0.123.1", "exportedAt": "2026-09-26T08:00:00Z"},
        }
    ).encode()


def test_a_promptfoo_eval_gives_tests_and_an_overall_pass_rate() -> None:
    stats = {"successes": 9, "failures": 2, "errors": 1, "tokenUsage": {"total": 1200}}
    parsed = parse("results.json", _promptfoo([_row(True)] * 9 + [_row(False)] * 3, stats))
    assert parsed.errors == []
    assert parsed.format == "promptfoo"
    assert parsed.facts == {
        "date": "2026-09-25",
        "tool": "promptfoo",
        "target": "openai:gpt-4.1-mini",
        "metrics": [
            {"name": "pass_rate", "value": 0.75, "threshold": None, "direction": "higher",
             "group": None, "task": None, "passed": None},
        ],
        "failed_metrics": [],
        "tests": {"total": 12, "passed": 9, "failed": 3},  # errors count as failures
        "categories": [],
        "strategies": [],
        "category_results": [],
    }  # fmt: skip


def test_a_promptfoo_red_team_gives_categories_and_a_pass_rate_per_category() -> None:
    rows = [
        _row(True, "harmful:hate"),
        _row(False, "harmful:hate", where="row"),
        _row(False, "pii:direct", where="grading"),
        _row(True, "prompt-injection"),
    ]
    parsed = RedTeamAdapter().parse(
        "redteam.json", _promptfoo(rows, {"successes": 2, "failures": 2})
    )
    assert parsed.errors == []
    assert parsed.facts["categories"] == ["harmful:hate", "pii:direct", "prompt-injection"]
    assert parsed.facts["tests"] == {"total": 4, "passed": 2, "failed": 2}
    assert parsed.facts["strategies"] == ["jailbreak"]
    rates = {r["category"]: r["pass_rate"] for r in parsed.facts["category_results"]}
    assert rates == {"harmful:hate": 0.5, "pii:direct": 0.0, "prompt-injection": 1.0}
    # plugins are attack categories, never population groups (EVAL-002 counts groups)
    assert [(m["name"], m["group"]) for m in parsed.facts["metrics"]] == [("pass_rate", None)]


def test_without_stats_the_rows_are_counted() -> None:
    facts = parse("results.json", _promptfoo([_row(True), _row(False), _row(True)])).facts
    assert facts["tests"] == {"total": 3, "passed": 2, "failed": 1}
    assert facts["metrics"][0]["value"] == 0.6667


def test_an_epoch_timestamp_gives_its_utc_date() -> None:
    report = json.loads(_promptfoo([_row(True)]))
    del report["results"]["timestamp"]
    report["createdAt"] = 1790000000000  # 2026-09-21T14:13:20Z
    assert parse("results.json", json.dumps(report).encode()).facts["date"] == "2026-09-21"


def test_an_empty_promptfoo_run_has_no_pass_rate() -> None:
    facts = parse("results.json", _promptfoo([], {"successes": 0, "failures": 0})).facts
    assert facts["tests"] == {"total": 0, "passed": 0, "failed": 0}
    assert facts["metrics"] == []


def test_json_of_no_known_format_is_refused_with_its_shape() -> None:
    parsed = parse("eval.json", b'{"accuracy": 0.9}')
    assert parsed.format is None
    assert len(parsed.errors) == 1
    assert parsed.errors[0].startswith("not an evaluation report in a format ai-assure reads (")
    assert parsed.errors[0].endswith(
        "it looks like a JSON object of no known format (top-level keys: accuracy)"
    )


def test_yaml_is_not_an_evaluation_report() -> None:
    (error,) = parse("eval.yaml", b"schema: ai-assure/evaluation/v1\n").errors
    assert error.endswith("a YAML mapping of no known format (top-level keys: schema)")
