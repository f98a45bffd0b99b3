"""The department view's arithmetic, on stored runs made by hand: the trend keeps the last
ten runs and reads its direction from the last two; dates that are not dates are ignored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from engine.portfolio.view.build import TREND_RUNS, build_view
from engine.store import StoredRun


def report(system: str, verdict: str, **extra: Any) -> dict[str, Any]:
    return {
        "system": {"id": system, "name": system.title()},
        "verdict": verdict,
        "tier": {"level": "minimal"},
        "assurance_level": {"level": "low"},
        "policy": {"revision": "7"},
        "controls": [{"id": "ISO42001:A.5.2", "status": "fail" if verdict == "fail" else "pass"}],
        "exceptions": [],
        "evidence": [],
        **extra,
    }


def run(number: int, system: str, day: int, failed: int) -> StoredRun:
    as_of = (dt.date(2026, 1, 1) + dt.timedelta(days=day)).isoformat()
    verdict = "fail" if failed else "pass"
    return StoredRun(number, system, None, verdict, as_of, "report", "", failed)


def test_the_trend_keeps_the_last_runs_and_reads_the_direction_from_the_last_two():
    runs = [run(n, "a", n, failed=max(0, 14 - n)) for n in range(1, 13)]  # 13 down to 2
    runs += [run(20, "b", 1, failed=0), run(21, "b", 2, failed=3), run(30, "c", 1, failed=1)]
    reports = {r.id: report(r.system_id, r.verdict) for r in runs}
    view = build_view(runs, reports.__getitem__, dt.date(2026, 2, 1), 30)
    systems = {s.id: s for s in view.systems}
    assert len(systems["a"].trend) == TREND_RUNS and systems["a"].runs == 12
    assert [p.failed for p in systems["a"].trend] == list(range(11, 1, -1))
    assert (systems["a"].direction, systems["b"].direction, systems["c"].direction) == (
        "improving", "worsening", "new"
    )  # fmt: skip
    assert [s.id for s in view.systems] == ["a", "b", "c"]  # all fail: then by id


def test_dates_that_are_not_dates_are_ignored_never_fatal():
    exceptions = [
        {"rule": "R-1", "status": "approved", "approved_until": "someday"},
        {"rule": "R-2", "status": "approved", "approved_until": "2026-01-10"},
        {"rule": "R-3", "status": "expired", "approved_until": "2026-01-03"},
    ]
    evidence = [
        {"kind": "dpia", "path": "d.yaml", "facts": {"review_by": "soon"}},
        {"kind": "fria", "path": "f.yaml", "facts": {"review_by": "2025-12-01"}},
        {"kind": "sbom", "path": "s.json", "facts": {"review_by": "2025-01-01"}},
    ]
    only = run(1, "a", 0, failed=0)
    stored = report("a", "pass", exceptions=exceptions, evidence=evidence)
    view = build_view([only], {1: stored}.__getitem__, dt.date(2026, 1, 5), 7)
    assert [(e.rule, e.days_left) for e in view.exceptions] == [("R-2", 5)]
    assert [(r.kind, r.days_overdue) for r in view.reviews] == [("fria", 35)]
