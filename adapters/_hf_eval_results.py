"""Hugging Face evaluation results: `eval_results.yaml` and `.eval_results/*.yaml` in a model
repository (huggingface/hub-docs `eval_results.yaml`; `huggingface_hub.EvalResultEntry`).

A YAML list of entries, each `dataset` (`id` required, `task_id`, `config`, `split`,
`revision`), `value` (required, a number), and optionally `verifyToken`, `date` (ISO-8601),
`source` (`url`, `name`, `user`, `org`) and `notes`. Each entry becomes a metric named by
its task (`task_id`, else `config`, else `value`) on the benchmark dataset (`task`). The
report's date is the oldest entry date, so freshness is judged on the stalest result.
"""

from __future__ import annotations

from typing import Any

from adapters import _eval_facts as ef
from adapters._common import Locator, describe, is_number, text_or_none
from adapters.interface import EvidenceFile, Parsed, Reader
from engine.core.parsing import ParseError, load_yaml


class HfEvalResultsReader(Reader):
    format = "huggingface-eval-results"
    title = "Hugging Face eval results (.eval_results YAML)"

    def recognises(self, file: EvidenceFile) -> bool:
        if not file.has_suffix(".yaml", ".yml") or file.text is None:
            return False
        start = file.text.lstrip()
        return start.startswith("- dataset:") or (
            start.startswith("-") and "\n  value:" in file.text and "dataset:" in start[:200]
        )

    def read(self, file: EvidenceFile) -> Parsed:
        assert file.text is not None  # recognised
        try:
            document = load_yaml(file.text)
        except ParseError as exc:
            return Parsed(self.format, ef.empty_facts(), [str(exc)])
        at = Locator(document)
        entries = document.data
        if not isinstance(entries, list):
            return Parsed(self.format, ef.empty_facts(), ["expected a list of eval results"])
        metrics, dates, datasets, errors = [], [], [], []
        for index, entry in enumerate(entries):
            metric, problem = _entry(entry, (index,), at)
            if problem:
                errors.append(problem)
                continue
            metrics.append(metric)
            datasets.append(metric["task"])
            dates.append(ef.date_of(entry.get("date")))
        known = sorted(d for d in dates if d)
        facts = ef.facts(
            date=known[0] if known else None,
            tool="huggingface eval_results",
            metrics=metrics,
            categories=datasets,
        )
        return Parsed(self.format, facts, errors)


def _entry(entry: Any, path: tuple[int], at: Locator) -> tuple[dict[str, Any], str | None]:
    if not isinstance(entry, dict):
        return {}, f"{at(path)}expected a mapping with dataset and value"
    dataset = entry.get("dataset")
    dataset_id = text_or_none(dataset.get("id")) if isinstance(dataset, dict) else None
    if dataset_id is None:
        return {}, f"{at((*path, 'dataset'))}a dataset with an id is required"
    value = entry.get("value")
    if not is_number(value):
        return {}, f"{at((*path, 'value'))}expected a number, found {describe(value)}"
    assert isinstance(dataset, dict)
    name = text_or_none(dataset.get("task_id")) or text_or_none(dataset.get("config")) or "value"
    return ef.metric(name, value, task=dataset_id), None
