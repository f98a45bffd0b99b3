"""Inspect AI logs (the UK AI Security Institute's evaluation framework): `.json` and `.eval`.

An `EvalLog` has `version`, `status` (`started`, `success`, `cancelled`, `error`), `eval`
(task, model, created, dataset, packages), `results` (`total_samples`,
`completed_samples`, `scores[]` each with named `metrics`; logs written before 0.3 had one
`scorer` and its `metrics` beside it), `stats`, `error` and, in a `.json` log, `samples[]`
(each with `scores` by scorer; early logs had one `score`). Inspect writes a metric it
could not compute as `NaN`: such numbers are read as null, with a warning.

The `.eval` format is a ZIP archive holding the same header in
`header.json` (or, for a run that has not finished, `_journal/start.json`) and one summary
per sample in `summaries.json` (or `_journal/summaries/*.json`); samples themselves are not
read. Inspect's own reader (`inspect_ai.log.read_eval_log`) is not used: it brings the whole
framework (about 150 packages) into a gate that needs a few fields.

A log whose run did not succeed is an error: its numbers do not show the system was tested.
"""

from __future__ import annotations

from typing import Any

from adapters import _eval_facts as ef
from adapters._common import as_dict, as_list, is_count, is_number, text_or_none
from adapters._zip import Archive, ArchiveError
from adapters.interface import EvidenceFile, Parsed, Reader, nonfinite_warnings
from engine.core.parsing import ParseError, decode_text, load_json

_STATUSES = ("started", "success", "cancelled", "error")
_UNCERTAINTY = ("stderr", "std", "var")
_PASS = {"C", "correct", "pass", "passed", "yes"}
_FAIL = {"I", "P", "N", "incorrect", "partial", "noanswer", "fail", "failed", "no"}


def _is_log(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("eval"), dict)
        and "task" in data["eval"]
        and data.get("status") in _STATUSES
    )


class InspectJsonReader(Reader):
    format = "inspect-ai"
    title = "an Inspect AI log (.json)"

    def recognises(self, file: EvidenceFile) -> bool:
        return _is_log(file.tolerant_json_object)

    def read(self, file: EvidenceFile) -> Parsed:
        log = file.tolerant_json_object
        parsed = _parsed(self.format, log, as_list(log.get("samples")))
        return Parsed(parsed.format, parsed.facts, parsed.errors, file.nonfinite_warnings())


class InspectEvalReader(Reader):
    format = "inspect-ai-eval"
    title = "an Inspect AI log (.eval)"

    def recognises(self, file: EvidenceFile) -> bool:
        return file.is_zip and file.has_suffix(".eval")

    def read(self, file: EvidenceFile) -> Parsed:
        nonfinite: list[str] = []
        try:
            archive = Archive(file.content)
            header = _header(archive, nonfinite)
            summaries = _summaries(archive, nonfinite)
        except (ArchiveError, ParseError) as exc:
            return Parsed(self.format, ef.empty_facts(), [f"Inspect .eval log: {exc}"])
        if not _is_log(header):
            return Parsed(
                self.format,
                ef.empty_facts(),
                ["Inspect .eval log: header.json is not an Inspect log header (eval, status)"],
            )
        parsed = _parsed(self.format, header, summaries)
        return Parsed(parsed.format, parsed.facts, parsed.errors, nonfinite_warnings(nonfinite))


def _member(archive: Archive, name: str, nonfinite: list[str]) -> Any:
    try:
        return load_json(decode_text(archive.read(name)), nonfinite=nonfinite)
    except ParseError as exc:
        raise ParseError(f"{name}: {exc}") from None


def _header(archive: Archive, nonfinite: list[str]) -> dict[str, Any]:
    if archive.has("header.json"):
        data = _member(archive, "header.json", nonfinite)
    elif archive.has("_journal/start.json"):  # the run has not finished: no header yet
        start = _member(archive, "_journal/start.json", nonfinite)
        data = {"status": "started", **as_dict(start)}
    else:
        raise ArchiveError("neither header.json nor _journal/start.json: not an Inspect log")
    return as_dict(data)


def _summaries(archive: Archive, nonfinite: list[str]) -> list[Any]:
    if archive.has("summaries.json"):
        return as_list(_member(archive, "summaries.json", nonfinite))
    parts = sorted(
        (n for n in archive.names if n.startswith("_journal/summaries/") and n.endswith(".json")),
        key=lambda n: (len(n), n),
    )
    found: list[Any] = []
    for name in parts:
        found += as_list(_member(archive, name, nonfinite))
    return found


def _parsed(fmt: str, log: dict[str, Any], samples: list[Any]) -> Parsed:
    spec = as_dict(log.get("eval"))
    results = as_dict(log.get("results"))
    task = text_or_none(spec.get("task"))
    passed, failed = _sample_outcomes(samples, _first_scorer(results))
    completed = results.get("completed_samples")
    total = completed if is_count(completed) else passed + failed
    tests = ef.tests(passed, failed, max(total, passed + failed)) if passed + failed else None
    facts = ef.facts(
        date=ef.first_date(spec.get("created"), as_dict(log.get("stats")).get("started_at")),
        tool=_tool(spec),
        target=spec.get("model"),
        metrics=_metrics(results, task),
        tests=tests,
        categories=[task],
        category_results=[ef.category_result(task, passed, failed)] if task and tests else [],
    )
    return Parsed(fmt, facts, _status_errors(log))


def _status_errors(log: dict[str, Any]) -> list[str]:
    status = log.get("status")
    if status == "success":
        return []
    message = text_or_none(as_dict(log.get("error")).get("message"))
    reason = f": {message.splitlines()[0][:200]}" if message else ""
    return [f"the Inspect run's status is {status}{reason}: the evaluation did not complete"]


def _tool(spec: dict[str, Any]) -> str:
    version = text_or_none(as_dict(spec.get("packages")).get("inspect_ai"))
    return f"inspect_ai {version}" if version else "inspect_ai"


def _scores(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each scorer's results; a log from before Inspect 0.3 has one `scorer` with its
    `metrics` beside it (Inspect's own reader converts it the same way)."""
    old = results.get("scorer")
    if isinstance(old, dict) and "scores" not in results:
        return [{**old, "metrics": results.get("metrics")}]
    return [s for s in as_list(results.get("scores")) if isinstance(s, dict)]


def _metrics(results: dict[str, Any], task: str | None) -> list[dict[str, Any]]:
    scores = _scores(results)
    found = []
    for score in scores:
        scorer = text_or_none(score.get("name")) or text_or_none(score.get("scorer")) or "score"
        metrics = score.get("metrics")
        entries = metrics.items() if isinstance(metrics, dict) else []
        for key, entry in entries:
            value = as_dict(entry).get("value")
            name = text_or_none(as_dict(entry).get("name")) or key
            if not is_number(value) or name in _UNCERTAINTY:
                continue
            found.append(
                ef.metric(name if len(scores) == 1 else f"{scorer}/{name}", value, task=task)
            )
    return found


def _first_scorer(results: dict[str, Any]) -> str | None:
    for score in _scores(results):
        return text_or_none(score.get("name")) or text_or_none(score.get("scorer"))
    return None


def _sample_outcomes(samples: list[Any], scorer: str | None) -> tuple[int, int]:
    """Samples passed and failed by the first scorer's value (C/I/P/N, true/false, 1/0);
    other values (a score between 0 and 1, text) are not counted."""
    passed = failed = 0
    for sample in samples:
        sample = as_dict(sample)
        scores = as_dict(sample.get("scores")) or {"": sample.get("score")}  # early: one score
        score = scores.get(scorer) if scorer in scores else next(iter(scores.values()), None)
        outcome = _outcome(as_dict(score).get("value"))
        passed += outcome is True
        failed += outcome is False
    return passed, failed


def _outcome(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        key = value.strip()
        return True if key in _PASS else False if key in _FAIL else None
    if is_number(value) and value in (0, 1):
        return value == 1
    return None
