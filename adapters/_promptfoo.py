"""promptfoo output: `promptfoo eval --output results.json`, for plain evals and red-team runs.

The file is promptfoo's `OutputFile`: `evalId`, `results` (`version`, `timestamp`,
`results[]` rows, `prompts[]`, `stats`), `config`, `shareableUrl`, `metadata`. Each row's
`testCase.metadata` (also on the row and its `gradingResult`) names the red-team plugin
(`pluginId`, e.g. `harmful:hate`) and the strategy that delivered the attack (`strategyId`,
e.g. `jailbreak`, `crescendo`). Plugins become `categories` with a pass rate each; strategies
and the target (the provider under test) are kept too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from adapters import _eval_facts as ef
from adapters._common import as_dict, as_list, is_count, text_or_none
from adapters.interface import EvidenceFile, Parsed, Reader

_SIGNATURE = ("evalId", "shareableUrl", "config", "metadata")


class PromptfooReader(Reader):
    format = "promptfoo"
    title = "promptfoo output"

    def recognises(self, file: EvidenceFile) -> bool:
        data = file.json_object
        summary = data.get("results")
        return (
            isinstance(summary, dict)
            and (isinstance(summary.get("results"), list) or isinstance(summary.get("stats"), dict))
            and any(key in data for key in _SIGNATURE)
        )

    def read(self, file: EvidenceFile) -> Parsed:
        output = file.json_object
        summary = output["results"]
        rows = [r for r in as_list(summary.get("results")) if isinstance(r, dict)]
        by_plugin: dict[str, list[bool]] = defaultdict(list)
        strategies = set()
        for row in rows:
            plugin, strategy = _metadata(row, "pluginId"), _metadata(row, "strategyId")
            if plugin:
                by_plugin[plugin].append(row.get("success") is True)
            if strategy:
                strategies.add(strategy)
        tests = _tests(summary.get("stats"), rows)
        metrics = []
        if tests["total"]:
            rate = round(tests["passed"] / tests["total"], 4)
            metrics.append(ef.metric("pass_rate", rate, direction="higher"))
        results = [ef.category_result(c, sum(r), len(r) - sum(r)) for c, r in by_plugin.items()]
        metadata = as_dict(output.get("metadata"))
        facts = ef.facts(
            date=ef.first_date(
                summary.get("timestamp"),
                metadata.get("evaluationCreatedAt"),
                output.get("createdAt"),
            ),
            tool="promptfoo",
            target=ef.joined(_target(row) for row in rows) or _configured_target(output),
            metrics=metrics,
            tests=tests,
            categories=list(by_plugin),
            strategies=strategies,
            category_results=results,
        )
        return Parsed(self.format, facts)


def _metadata(row: dict[str, Any], key: str) -> str | None:
    """A red-team metadata value of a result row (test case, row or grading metadata)."""
    test_case = row.get("testCase") if isinstance(row.get("testCase"), dict) else {}
    for holder in (test_case, row, row.get("gradingResult")):
        metadata = holder.get("metadata") if isinstance(holder, dict) else None
        if isinstance(metadata, dict) and text_or_none(metadata.get(key)):
            return text_or_none(metadata[key])
    return None


def _target(row: dict[str, Any]) -> str | None:
    provider = row.get("provider")
    if isinstance(provider, dict):
        return text_or_none(provider.get("label")) or text_or_none(provider.get("id"))
    return text_or_none(provider)


def _configured_target(output: dict[str, Any]) -> str | None:
    """The targets (or providers) the configuration names, when no row says."""
    config = as_dict(output.get("config"))
    entries = as_list(config.get("targets")) or as_list(config.get("providers"))
    names = [
        (text_or_none(e.get("label")) or text_or_none(e.get("id"))) if isinstance(e, dict) else e
        for e in entries
    ]
    return ef.joined(names)


def _tests(stats: Any, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Totals from `stats` (successes, failures, errors: an error is not a pass), else
    counted from the rows."""
    stats = stats if isinstance(stats, dict) else {}
    counts = [stats.get(k) for k in ("successes", "failures", "errors")]
    if is_count(counts[0]) and is_count(counts[1]):
        return ef.tests(counts[0], counts[1] + (counts[2] if is_count(counts[2]) else 0))
    passed = sum(1 for r in rows if r.get("success") is True)
    return ef.tests(passed, len(rows) - passed)
