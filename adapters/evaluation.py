"""Evaluation and red-team reports: our `ai-assure/evaluation/v1` JSON and promptfoo output.

promptfoo's `eval --output results.json` file is mapped onto the same facts: `tests` from
`results.stats` (errors count as failures), `categories` from the red-team plugin ids of
the result rows, and pass-rate metrics (overall and per category) with no threshold.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from adapters._common import (
    Field,
    Locator,
    as_list,
    check_fields,
    describe,
    is_count,
    is_iso_date,
    is_mapping,
    is_number,
    is_text,
    list_of,
    mapping_or_error,
    one_of,
    read_text,
    require,
    sorted_texts,
    text_or_none,
)
from adapters.interface import Adapter, Parsed
from engine.core.parsing import ParseError, load_json
from engine.core.text import canonical_text

SCHEMA = "ai-assure/evaluation/v1"

_REPORT_FIELDS = {
    "date": Field(is_iso_date, "a date written YYYY-MM-DD", required=True),
    "tool": Field(is_text, "text", required=True),
    "metrics": Field(list_of(is_mapping), "a list of metric mappings", default=[]),
    "tests": Field(is_mapping, "a mapping with total, passed and failed"),
    "categories": Field(list_of(is_text), "a list of text", default=[]),
}
_METRIC_FIELDS = {
    "name": Field(is_text, "text", required=True),
    "value": Field(is_number, "a number", required=True),
    "threshold": Field(is_number, "a number or null"),
    "direction": Field(one_of("higher", "lower"), "higher or lower"),
    "group": Field(is_text, "text or null"),
}
_TEST_FIELDS = {
    key: Field(is_count, "a whole number >= 0", required=True)
    for key in ("total", "passed", "failed")
}


def empty_facts() -> dict[str, Any]:
    return {
        "date": None,
        "tool": None,
        "metrics": [],
        "failed_metrics": [],
        "tests": None,
        "categories": [],
    }


class EvaluationAdapter(Adapter):
    kind = "evaluations"

    def parse(self, name: str, content: bytes) -> Parsed:
        try:
            report = mapping_or_error(load_json(read_text(content)))
        except ParseError as exc:
            return Parsed(None, empty_facts(), [str(exc)])
        if "schema" in report:
            return _parse_ours(report)
        if isinstance(report.get("results"), dict):
            return Parsed("promptfoo", _promptfoo_facts(report), [])
        return Parsed(
            None,
            empty_facts(),
            [f'not a recognised report: expected "schema": "{SCHEMA}" or promptfoo output'],
        )


class RedTeamAdapter(EvaluationAdapter):
    kind = "red_team"


def _metric_facts(
    name: str, value: float, threshold: float | None, direction: str | None, group: str | None
) -> dict[str, Any]:
    if threshold is None:
        passed = None
    else:
        passed = value >= threshold if direction == "higher" else value <= threshold
    return {
        "name": name,
        "value": value,
        "threshold": threshold,
        "direction": direction,
        "group": group,
        "passed": passed,
    }


def _finish_facts(
    date: Any, tool: Any, metrics: list[dict[str, Any]], tests: Any, categories: list[Any]
) -> dict[str, Any]:
    metrics.sort(key=lambda m: (m["name"], m["group"] or ""))
    return {
        "date": date,
        "tool": tool,
        "metrics": metrics,
        "failed_metrics": sorted_texts(m["name"] for m in metrics if m["passed"] is False),
        "tests": tests,
        "categories": sorted_texts(categories),
    }


# --- ai-assure/evaluation/v1 --------------------------------------------------------------


def _parse_ours(report: dict[str, Any]) -> Parsed:
    if report["schema"] != SCHEMA:
        found = describe(report["schema"])
        return Parsed(None, empty_facts(), [f"schema: expected {SCHEMA!r}, found {found}"])
    at = Locator()
    values, errors = check_fields(report, _REPORT_FIELDS, at)
    errors += require(report, _REPORT_FIELDS, at)
    metrics, problems = _our_metrics(values["metrics"], at)
    errors += problems
    tests = values["tests"]
    if tests is not None:
        tests, problems = _our_tests(tests, at)
        errors += problems
    facts = _finish_facts(values["date"], values["tool"], metrics, tests, values["categories"])
    return Parsed("ai-assure", facts, errors)


def _our_metrics(entries: list[Any], at: Locator) -> tuple[list[dict[str, Any]], list[str]]:
    """Valid metrics, and errors for invalid or repeated ones (same name and group)."""
    metrics: dict[tuple[str, str | None], dict[str, Any]] = {}
    errors: list[str] = []
    for index, entry in enumerate(entries):
        metric, problems = _our_metric(entry, ("metrics", index), at)
        errors += problems
        if metric is None:
            continue
        key = (metric["name"], metric["group"])
        if key in metrics:
            group = f" (group {key[1]!r})" if key[1] else ""
            errors.append(f"metrics[{index}]: duplicate metric {key[0]!r}{group}")
        else:
            metrics[key] = metric
    return list(metrics.values()), errors


def _our_metric(
    entry: dict[str, Any], path: tuple[str, int], at: Locator
) -> tuple[dict[str, Any] | None, list[str]]:
    values, errors = check_fields(entry, _METRIC_FIELDS, at, path)
    errors += require(entry, _METRIC_FIELDS, at, path)
    if values["threshold"] is not None and values["direction"] is None:
        errors.append(f"{at((*path, 'direction'))}is required with a threshold (higher or lower)")
    if errors:
        return None, errors
    direction = canonical_text(values["direction"]).lower() if values["direction"] else None
    metric = _metric_facts(
        values["name"], values["value"], values["threshold"], direction, values["group"]
    )
    return metric, []


def _our_tests(tests: dict[str, Any], at: Locator) -> tuple[dict[str, int] | None, list[str]]:
    values, errors = check_fields(tests, _TEST_FIELDS, at, ("tests",))
    errors += require(tests, _TEST_FIELDS, at, ("tests",))
    if errors:
        return None, errors
    if values["passed"] + values["failed"] > values["total"]:
        return None, [f"tests: passed + failed is more than total ({values['total']})"]
    return values, []


# --- promptfoo ----------------------------------------------------------------------------


def _promptfoo_facts(output: dict[str, Any]) -> dict[str, Any]:
    summary = output["results"]
    rows = [r for r in as_list(summary.get("results")) if isinstance(r, dict)]
    by_category: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        category = _plugin_id(row)
        if category:
            by_category[category].append(row.get("success") is True)
    tests = _promptfoo_tests(summary.get("stats"), rows)
    metrics = []
    if tests["total"]:
        metrics.append(_pass_rate(tests["passed"], tests["total"], None))
    metrics += [_pass_rate(sum(r), len(r), c) for c, r in by_category.items()]
    metadata = output.get("metadata")
    if not isinstance(metadata, dict):
        metadata = {}
    stamps = [
        summary.get("timestamp"),
        metadata.get("evaluationCreatedAt"),
        output.get("createdAt"),
    ]
    date = next((d for d in map(_date_of, stamps) if d), None)
    return _finish_facts(date, "promptfoo", metrics, tests, list(by_category))


def _pass_rate(passed: int, total: int, group: str | None) -> dict[str, Any]:
    return _metric_facts("pass_rate", round(passed / total, 4), None, "higher", group)


def _plugin_id(row: dict[str, Any]) -> str | None:
    """The red-team plugin of a result row (row, test case or grading metadata)."""
    test_case = row.get("testCase") if isinstance(row.get("testCase"), dict) else {}
    for holder in (row, test_case, row.get("gradingResult")):
        metadata = holder.get("metadata") if isinstance(holder, dict) else None
        if isinstance(metadata, dict) and text_or_none(metadata.get("pluginId")):
            return text_or_none(metadata["pluginId"])
    return None


def _promptfoo_tests(stats: Any, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Totals from `stats` (successes, failures, errors), else counted from the rows."""
    stats = stats if isinstance(stats, dict) else {}
    counts = [stats.get(k) for k in ("successes", "failures", "errors")]
    if is_count(counts[0]) and is_count(counts[1]):
        passed, failed = counts[0], counts[1] + (counts[2] if is_count(counts[2]) else 0)
    else:
        passed = sum(1 for r in rows if r.get("success") is True)
        failed = len(rows) - passed
    return {"total": passed + failed, "passed": passed, "failed": failed}


def _date_of(stamp: Any) -> str | None:
    """The UTC date of an ISO timestamp or of epoch milliseconds."""
    if isinstance(stamp, str) and is_iso_date(stamp[:10]):
        return stamp[:10]
    if is_count(stamp):
        try:
            moment = datetime.datetime.fromtimestamp(stamp / 1000, tz=datetime.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
        return moment.date().isoformat()
    return None
