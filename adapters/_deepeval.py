"""DeepEval test runs: the JSON DeepEval saves for `deepeval test run` (and `evaluate()`).

`.deepeval/.latest_run_full.json` and `test_run_<YYYYMMDD_HHMMSS>.json` (written to
`DEEPEVAL_RESULTS_FOLDER`) hold a test run; `.deepeval/.latest_test_run.json` holds the same
under `testRunData`. A test run has `testCases[]` and `conversationalTestCases[]` (each with
`success` and `metricsData[]`: `name`, `score`, `threshold`, `success`), `metricsScores[]`
(`metric`, `scores[]`, `passes`, `fails`, `errors`), `testPassed`, `testFailed` and
`hyperparameters`. The file holds no date: the one in a `test_run_...` file name is used.
"""

from __future__ import annotations

import re
from typing import Any

from adapters import _eval_facts as ef
from adapters._common import as_dict, as_list, is_count, is_number, text_or_none
from adapters.interface import EvidenceFile, Parsed, Reader

_NAMED_DATE = re.compile(r"test_run_(\d{4})(\d{2})(\d{2})_\d{6}")


def _test_run(data: dict[str, Any]) -> dict[str, Any]:
    return as_dict(data.get("testRunData")) or data


class DeepEvalReader(Reader):
    format = "deepeval"
    title = "a DeepEval test run"

    def recognises(self, file: EvidenceFile) -> bool:
        run = _test_run(file.tolerant_json_object)
        return isinstance(run.get("testCases"), list) and (
            "metricsScores" in run or "testPassed" in run
        )

    def read(self, file: EvidenceFile) -> Parsed:
        run = _test_run(file.tolerant_json_object)
        cases = [
            case
            for key in ("testCases", "conversationalTestCases")
            for case in as_list(run.get(key))
            if isinstance(case, dict)
        ]
        passed, failed = run.get("testPassed"), run.get("testFailed")
        if not (is_count(passed) and is_count(failed)):
            passed = sum(1 for case in cases if case.get("success") is True)
            failed = len(cases) - passed
        metrics = [m for m in map(_metric, as_list(run.get("metricsScores"))) if m]
        if passed + failed:
            metrics.append(
                ef.metric("pass_rate", round(passed / (passed + failed), 4), direction="higher")
            )
        named = _NAMED_DATE.search(file.name)
        hyper = as_dict(run.get("hyperparameters"))
        facts = ef.facts(
            date=ef.date_of("-".join(named.groups())) if named else None,
            tool="deepeval",
            target=hyper.get("model") or hyper.get("Model"),
            metrics=metrics,
            tests=ef.tests(passed, failed, max(len(cases), passed + failed)),
        )
        return Parsed(self.format, facts, warnings=file.nonfinite_warnings())


def _metric(entry: Any) -> dict[str, Any] | None:
    """A metric's mean score over the test cases (its thresholds apply case by case, so the
    mean carries none)."""
    if not isinstance(entry, dict) or text_or_none(entry.get("metric")) is None:
        return None
    scores = [s for s in as_list(entry.get("scores")) if is_number(s)]
    if not scores:
        return None
    return ef.metric(str(text_or_none(entry["metric"])), round(sum(scores) / len(scores), 4))
