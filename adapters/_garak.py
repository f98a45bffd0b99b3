"""NVIDIA garak, the LLM vulnerability scanner: its `report.jsonl` and its hit log.

The report is JSON Lines, each line an object with an `entry_type`: `start_run setup` (the
configuration, flattened: `plugins.target_type`, `plugins.target_name`, older
`plugins.model_type`/`plugins.model_name` or `_config.model_type`/`_config.model_name`),
`init` (`garak_version`, `start_time`, `run`), `attempt` (one prompt and its outputs; not
read), `eval` (one probe and detector: `passed`, `fails`, `nones`, `total_evaluated`; older
`passed` and `total`), `completion` (`end_time`) and `digest`. Each probe (its class name,
e.g. `promptinject.HijackHateHumans`; a leading `probes.` is dropped) is an attack category;
its evaluations are summed over detectors into its pass rate and the report's tests.

The hit log (`*.hitlog.jsonl`) lists only the attempts that got through (`probe`,
`detector`, `attempt_id`, `score`, ...): it names the categories that failed but cannot
say how many tests ran, so it gives no test counts and says so.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from adapters import _eval_facts as ef
from adapters._common import is_count, text_or_none
from adapters.interface import EvidenceFile, Parsed, Reader

_ENTRY_TYPES = {"start_run setup", "init", "attempt", "eval", "completion", "digest"}
_HIT_KEYS = ("probe", "detector")


def _first_line(file: EvidenceFile) -> dict[str, Any]:
    """The first line, parsed, when it is a JSON object and more lines follow (the
    recognisers' look: a one-line JSON document is not JSON Lines)."""
    line = file.first_line
    if line is None or not line.startswith("{"):
        return {}
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


# garak writes `entry_type` first: an attempt (one prompt and its outputs, most of a report)
# is recognised by its opening and not parsed, since no fact comes from it.
_ATTEMPT = '{"entry_type": "attempt"'


def _lines(
    file: EvidenceFile, skip_attempts: bool = False
) -> tuple[list[dict[str, Any]], list[str]]:
    """Every non-blank line as an object (attempts left out when asked); errors name the
    lines that are not."""
    from engine.core.parsing import ParseError, load_json

    rows, errors = [], []
    for number, line in enumerate((file.text or "").splitlines(), 1):
        if not line.strip() or (skip_attempts and line.startswith(_ATTEMPT)):
            continue
        try:
            row = load_json(line)
        except ParseError as exc:
            errors.append(f"line {number}: {exc.message}")
            continue
        if isinstance(row, dict):
            rows.append(row)
        else:
            errors.append(f"line {number}: expected a JSON object")
        if len(errors) >= 5:
            errors.append("(further lines not checked)")
            break
    return rows, errors


class GarakReportReader(Reader):
    format = "garak"
    title = "a garak report (report.jsonl)"

    def recognises(self, file: EvidenceFile) -> bool:
        return _first_line(file).get("entry_type") in _ENTRY_TYPES

    def read(self, file: EvidenceFile) -> Parsed:
        rows, errors = _lines(file, skip_attempts=True)
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_type[str(row.get("entry_type"))].append(row)
        init = next(iter(by_type["init"]), {})
        setup = next(iter(by_type["start_run setup"]), {})
        per_probe: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for entry in by_type["eval"]:
            probe, counts = _eval_counts(entry)
            if probe is None or counts is None:
                errors.append(f"an eval entry without a probe or counts: {_short(entry)}")
                continue
            per_probe[probe][0] += counts[0]
            per_probe[probe][1] += counts[1]
        passed = sum(p for p, _ in per_probe.values())
        failed = sum(f for _, f in per_probe.values())
        metrics = []
        if passed + failed:
            metrics.append(
                ef.metric("pass_rate", round(passed / (passed + failed), 4), direction="higher")
            )
        warnings = []
        if not by_type["completion"]:
            warnings.append(
                "no completion entry: the garak run may not have finished; only the probes "
                "evaluated before it stopped are counted"
            )
        version = text_or_none(init.get("garak_version"))
        facts = ef.facts(
            date=ef.first_date(init.get("start_time"), setup.get("transient.starttime_iso")),
            tool=f"garak {version}" if version else "garak",
            target=_target(setup),
            metrics=metrics,
            tests=ef.tests(passed, failed),
            categories=list(per_probe),
            category_results=[ef.category_result(p, c[0], c[1]) for p, c in per_probe.items()],
        )
        return Parsed(self.format, facts, errors, warnings)


def _eval_counts(entry: dict[str, Any]) -> tuple[str | None, tuple[int, int] | None]:
    """(probe, (passed, failed)) of an eval entry. Two of `passed`, `fails` and the total
    evaluated (`total_evaluated`, older `total`) give the third."""
    probe = text_or_none(entry.get("probe"))
    if probe:
        probe = probe.removeprefix("probes.")
    passed, fails = entry.get("passed"), entry.get("fails")
    total = entry.get("total_evaluated", entry.get("total"))
    if is_count(passed) and is_count(fails):
        return probe, (passed, fails)
    if is_count(total) and is_count(passed) and passed <= total:
        return probe, (passed, total - passed)
    if is_count(total) and is_count(fails) and fails <= total:
        return probe, (total - fails, fails)
    return probe, None


def _target(setup: dict[str, Any]) -> str | None:
    """The generator under test: its type and name, under the keys garak has used."""
    kind = _first_text(setup, "target_type", "model_type")
    name = _first_text(setup, "target_name", "model_name")
    return " ".join(part for part in (kind, name) if part) or None


def _first_text(setup: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        for prefix in ("plugins.", "_config.", ""):
            value = text_or_none(setup.get(prefix + key))
            if value:
                return value
    return None


def _short(entry: dict[str, Any]) -> str:
    text = json.dumps(entry, sort_keys=True)
    return text if len(text) <= 120 else text[:117] + "..."


class GarakHitLogReader(Reader):
    format = "garak-hitlog"
    title = "a garak hit log (hitlog.jsonl)"

    def recognises(self, file: EvidenceFile) -> bool:
        first = _first_line(file)
        return (
            "entry_type" not in first
            and all(key in first for key in _HIT_KEYS)
            and ("attempt_id" in first or "run_id" in first)
        )

    def read(self, file: EvidenceFile) -> Parsed:
        rows, errors = _lines(file)
        hits: dict[str, int] = defaultdict(int)
        for row in rows:
            probe = text_or_none(row.get("probe"))
            if probe:
                hits[probe.removeprefix("probes.")] += 1
        facts = ef.facts(
            date=None,
            tool="garak",
            target=ef.joined(row.get("generator") for row in rows),
            metrics=[],
            categories=list(hits),
        )
        warning = (
            f"a garak hit log lists only the {sum(hits.values())} attacks that got through: it "
            "has no test counts or date; declare the run's report.jsonl as well"
        )
        return Parsed(self.format, facts, errors, [warning])
