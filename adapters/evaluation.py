"""Evaluation and red-team reports, from the tools teams run, mapped onto one set of facts.

Formats (one reader each; exactly one must recognise a file, docs/evidence.md):

- our `ai-assure/evaluation/v1` JSON (this module);
- promptfoo eval and red-team output (`adapters._promptfoo`);
- Inspect AI logs, `.json` and the `.eval` ZIP log (`adapters._inspect`);
- lm-evaluation-harness `results*.json` (`adapters._lm_eval`);
- Hugging Face `eval_results.yaml` / `.eval_results/*.yaml` (`adapters._hf_eval_results`);
- garak `report.jsonl` and its hit log (`adapters._garak`);
- DeepEval test-run JSON (`adapters._deepeval`).

A file no reader recognises is an error naming what it looks like, never read as something
else (a misread report loses its metrics and its date silently).
"""

from __future__ import annotations

from typing import Any

from adapters import _eval_facts as ef
from adapters._common import (
    Field,
    Locator,
    check_fields,
    describe,
    is_count,
    is_iso_date,
    is_mapping,
    is_number,
    is_text,
    list_of,
    one_of,
    require,
)
from adapters._deepeval import DeepEvalReader
from adapters._detect import FormatAdapter
from adapters._garak import GarakHitLogReader, GarakReportReader
from adapters._hf_eval_results import HfEvalResultsReader
from adapters._inspect import InspectEvalReader, InspectJsonReader
from adapters._lm_eval import LmEvalReader
from adapters._promptfoo import PromptfooReader
from adapters.interface import EvidenceFile, Parsed, Reader
from engine.core.text import canonical_text

SCHEMA = "ai-assure/evaluation/v1"

_REPORT_FIELDS = {
    "date": Field(is_iso_date, "a date written YYYY-MM-DD", required=True),
    "tool": Field(is_text, "text", required=True),
    "target": Field(is_text, "text"),
    "metrics": Field(list_of(is_mapping), "a list of metric mappings", default=[]),
    "tests": Field(is_mapping, "a mapping with total, passed and failed"),
    "categories": Field(list_of(is_text), "a list of text", default=[]),
    "strategies": Field(list_of(is_text), "a list of text", default=[]),
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

empty_facts = ef.empty_facts


class OursReader(Reader):
    format = "ai-assure"
    title = f"an {SCHEMA} report"

    def recognises(self, file: EvidenceFile) -> bool:
        return "schema" in file.json_object

    def read(self, file: EvidenceFile) -> Parsed:
        report = file.json_object
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
        facts = ef.facts(
            date=values["date"],
            tool=values["tool"],
            target=values["target"],
            metrics=metrics,
            tests=tests,
            categories=values["categories"],
            strategies=values["strategies"],
        )
        return Parsed(self.format, facts, errors)


READERS: tuple[Reader, ...] = (
    OursReader(),
    PromptfooReader(),
    InspectJsonReader(),
    InspectEvalReader(),
    LmEvalReader(),
    HfEvalResultsReader(),
    GarakReportReader(),
    GarakHitLogReader(),
    DeepEvalReader(),
)


class EvaluationAdapter(FormatAdapter):
    kind = "evaluations"
    what = "an evaluation report"
    readers = READERS

    def empty_facts(self) -> dict[str, Any]:
        return empty_facts()


class RedTeamAdapter(EvaluationAdapter):
    kind = "red_team"
    what = "a red-team report"


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
    metric = ef.metric(
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
