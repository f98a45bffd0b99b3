"""The facts of an evaluation or red-team report, shared by every format's reader.

Whatever tool wrote the report, the policies see the same names (docs/input-document.md,
`evaluations`, `red_team`): when it ran, what tool tested what target, its metrics (with
thresholds where the report sets them), its test counts, and for red-team tools the attack
categories and strategies with a pass rate per category.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from adapters._common import is_count, is_iso_date, sorted_texts, text_or_none


def empty_facts() -> dict[str, Any]:
    return {
        "date": None,
        "tool": None,
        "target": None,
        "metrics": [],
        "failed_metrics": [],
        "tests": None,
        "categories": [],
        "strategies": [],
        "category_results": [],
    }


def metric(
    name: str,
    value: float,
    threshold: float | None = None,
    direction: str | None = None,
    group: str | None = None,
    task: str | None = None,
) -> dict[str, Any]:
    """One metric's facts; `passed` is computed from the threshold (null without one)."""
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
        "task": task,
        "passed": passed,
    }


def tests(passed: int, failed: int, total: int | None = None) -> dict[str, int]:
    return {
        "total": passed + failed if total is None else total,
        "passed": passed,
        "failed": failed,
    }


def category_result(category: str, passed: int, failed: int) -> dict[str, Any]:
    """How one attack category fared: counts and the pass rate (4 decimals)."""
    total = passed + failed
    return {
        "category": category,
        "total": total,
        "passed": passed,
        "failed": failed,
        "pass_rate": round(passed / total, 4) if total else None,
    }


def facts(
    *,
    date: Any,
    tool: Any,
    metrics: list[dict[str, Any]],
    tests: Any = None,
    categories: Iterable[Any] = (),
    target: Any = None,
    strategies: Iterable[Any] = (),
    category_results: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The facts in their canonical order and sort."""
    metrics = sorted(metrics, key=lambda m: (m["task"] or "", m["name"], m["group"] or ""))
    return {
        "date": date,
        "tool": tool,
        "target": text_or_none(target),
        "metrics": metrics,
        "failed_metrics": sorted_texts(m["name"] for m in metrics if m["passed"] is False),
        "tests": tests,
        "categories": sorted_texts(categories),
        "strategies": sorted_texts(strategies),
        "category_results": sorted(category_results, key=lambda r: r["category"]),
    }


def date_of(stamp: Any) -> str | None:
    """The UTC date of an ISO timestamp, of epoch seconds (float) or milliseconds (int)."""
    if isinstance(stamp, str) and is_iso_date(stamp[:10]):
        return stamp[:10]
    if is_count(stamp) or (isinstance(stamp, float) and stamp >= 0):
        seconds = stamp / 1000 if is_count(stamp) and stamp > 10**11 else stamp
        try:
            moment = datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
        return moment.date().isoformat()
    return None


def first_date(*stamps: Any) -> str | None:
    return next((d for d in map(date_of, stamps) if d), None)


def joined(values: Iterable[Any]) -> str | None:
    """Distinct texts joined with ", " (null when none): e.g. the targets of a run."""
    texts = sorted_texts(values)
    return ", ".join(texts) if texts else None
