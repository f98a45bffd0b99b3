"""EleutherAI lm-evaluation-harness: the `results_<date>.json` file `lm_eval --output_path`
writes (and the older v0.3 `results.json`).

`results` maps each task to its metrics, keyed `metric,filter` in v0.4 (`acc,none`,
`exact_match,strict-match`) and `metric` in v0.3, each with a `..._stderr` companion;
`higher_is_better` gives each metric's direction; `versions`, `n-shot`, `configs`, `config`
(`model`, `model_args`), `model_name`, `lm_eval_version` and `date` (epoch seconds)
describe the run. A metric Python could not compute is written `NaN`: read as null (and left
out), with a warning. A v0.3 file has no date: the date in the file name lm-eval writes
(`results_2025-01-31T10-20-30.123456.json`) is used when there is one.
"""

from __future__ import annotations

import re
from typing import Any

from adapters import _eval_facts as ef
from adapters._common import as_dict, is_number, text_or_none
from adapters.interface import EvidenceFile, Parsed, Reader

_RUN_KEYS = ("versions", "configs", "n-shot", "higher_is_better", "lm_eval_version", "n-samples")
_NOT_METRICS = {"alias", "name", "sample_len", "samples"}
_NAMED_DATE = re.compile(r"results_(\d{4}-\d{2}-\d{2})T")
_PRETRAINED = re.compile(r"(?:^|,)\s*(?:pretrained|model|engine|path)=([^,]+)")


class LmEvalReader(Reader):
    format = "lm-eval"
    title = "an lm-evaluation-harness results file"

    def recognises(self, file: EvidenceFile) -> bool:
        data = file.tolerant_json_object
        results = data.get("results")
        return (
            isinstance(results, dict)
            and all(isinstance(task, dict) for task in results.values())
            and any(key in data for key in _RUN_KEYS)
        )

    def read(self, file: EvidenceFile) -> Parsed:
        data = file.tolerant_json_object
        directions = as_dict(data.get("higher_is_better"))
        metrics: list[dict[str, Any]] = []
        for task, scores in data["results"].items():
            metrics += _task_metrics(task, scores, directions.get(task))
        named = _NAMED_DATE.search(file.name)
        facts = ef.facts(
            date=ef.first_date(data.get("date"), named.group(1) if named else None),
            tool=_tool(data),
            target=_target(data),
            metrics=metrics,
            categories=list(data["results"]),
        )
        errors = [] if metrics else ["results: no task reports a numeric metric"]
        return Parsed(self.format, facts, errors, file.nonfinite_warnings())


def _task_metrics(task: str, scores: dict[str, Any], directions: Any) -> list[dict[str, Any]]:
    directions = as_dict(directions)
    found = []
    for key, value in scores.items():
        metric, _, kept_filter = key.partition(",")
        if metric in _NOT_METRICS or metric.endswith("_stderr") or not is_number(value):
            continue
        higher = directions.get(metric)
        direction = (
            {True: "higher", False: "lower"}.get(higher) if isinstance(higher, bool) else None
        )
        name = metric if kept_filter in ("", "none") else f"{metric} ({kept_filter})"
        found.append(ef.metric(name, value, direction=direction, task=task))
    return found


def _tool(data: dict[str, Any]) -> str:
    version = text_or_none(data.get("lm_eval_version"))
    return f"lm-evaluation-harness {version}" if version else "lm-evaluation-harness"


def _target(data: dict[str, Any]) -> str | None:
    """The model evaluated: `model_name`, else the pretrained model in `config.model_args`."""
    named = text_or_none(data.get("model_name"))
    if named:
        return named
    config = as_dict(data.get("config"))
    args = config.get("model_args")
    match = _PRETRAINED.search(args) if isinstance(args, str) else None
    if match:
        return text_or_none(match.group(1))
    if isinstance(args, dict):
        return text_or_none(args.get("pretrained")) or text_or_none(args.get("model"))
    return text_or_none(config.get("model"))
