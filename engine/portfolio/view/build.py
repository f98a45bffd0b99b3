"""The department view (`ai-assure portfolio`), computed from the runs in the results store.

Every figure is read from stored reports, on the view's `as_of` date (never the clock, so
the same store and date give the same view):

* each system's latest run (by assessment date, then as stored): verdict, EU AI Act tier,
  assurance level, days since that check, and its trend over its last runs;
* the trend per framework: on each assessment date, every system's latest run on or before
  it, and how many of the controls of that framework they fail out of those assessed;
* approved exceptions whose governance expiry falls within `within_days`;
* DPIA and FRIA records whose `review_by` date has passed;
* the controls failed by the most systems (latest runs only);
* the staged rollout: each staged rule (findings that carry `enforcement`) at each phase the
  latest runs met it in, with its dates, the systems it was assessed on and those whose
  findings of it turn into failures once it is enforced (`enforced_status` fail).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from engine.core.text import natural_key
from engine.store import StoredRun

Reports = Callable[[int], dict[str, Any]]
Latest = list[tuple[str, dict[str, Any]]]  # each system's id and latest report
VIEW_SCHEMA = "ai-assure/portfolio/v1"
#: runs of one system shown in its trend, newest last
TREND_RUNS = 10
#: assessment dates shown in the framework trends, newest last
TREND_DATES = 12
#: controls listed as failing most
TOP_CONTROLS = 10
_ASSESSED = frozenset({"pass", "fail", "waived"})
_REVIEWED_EVIDENCE = ("dpia", "fria")
_PHASES = ("scheduled", "warn", "enforced")


@dataclass(frozen=True)
class TrendPoint:
    as_of: str
    verdict: str
    failed: int  # failed findings


@dataclass(frozen=True)
class SystemStatus:
    id: str
    name: str
    verdict: str
    tier: str
    assurance_level: str | None
    last_checked: str
    days_since: int
    commit: str | None
    policy_revision: str
    runs: int
    direction: str  # improving | worsening | steady | new (failed findings, last two runs)
    trend: tuple[TrendPoint, ...]


@dataclass(frozen=True)
class FrameworkPoint:
    as_of: str
    failing: int  # failed controls of the framework, summed over systems
    assessed: int  # controls of the framework passed, failed or waived


@dataclass(frozen=True)
class FrameworkTrend:
    framework: str
    points: tuple[FrameworkPoint, ...]


@dataclass(frozen=True)
class ExpiringException:
    system_id: str
    rule: str
    approved_until: str
    days_left: int
    ticket: str
    approved_by: str


@dataclass(frozen=True)
class OverdueReview:
    system_id: str
    kind: str  # dpia | fria
    path: str
    review_by: str
    days_overdue: int


@dataclass(frozen=True)
class FailingControl:
    control: str
    systems: tuple[str, ...]


@dataclass(frozen=True)
class StagedRule:
    """A staged rule at one phase of its rollout, as the latest runs met it."""

    rule_id: str
    title: str
    phase: str  # scheduled | warn | enforced
    warn_from: str | None
    fail_from: str | None
    systems: tuple[str, ...]  # systems whose latest run met the rule at this phase
    will_fail: tuple[str, ...]  # of those, the ones it fails when it is enforced (fail_from)


@dataclass(frozen=True)
class PortfolioView:
    as_of: str
    within_days: int
    runs: int
    systems: tuple[SystemStatus, ...]  # worst verdict first, then by id
    frameworks: tuple[FrameworkTrend, ...]
    exceptions: tuple[ExpiringException, ...]
    reviews: tuple[OverdueReview, ...]
    controls: tuple[FailingControl, ...]
    rollout: tuple[StagedRule, ...]

    def totals(self) -> dict[str, int]:
        counts = Counter(system.verdict for system in self.systems)
        return {"systems": len(self.systems), **{v: counts[v] for v in ("pass", "fail", "error")}}


def build_view(
    runs: Iterable[StoredRun], report_of: Reports, as_of: dt.date, within_days: int
) -> PortfolioView:
    """The view of every run up to `as_of` (later runs are not yet known on that date);
    `report_of` reads a run's report (each at most once)."""
    report = cache(lambda run_id: _essentials(report_of(run_id)))
    day = as_of.isoformat()
    history = histories(runs, as_of)
    count = sum(len(entries) for entries in history.values())
    latest = [(entries[-1].system_id, report(entries[-1].id)) for entries in history.values()]
    order = {"error": 0, "fail": 1, "pass": 2}
    systems = sorted(
        (_status(entries, report(entries[-1].id), as_of) for entries in history.values()),
        key=lambda s: (order.get(s.verdict, 0), s.id),
    )
    return PortfolioView(
        as_of=day,
        within_days=within_days,
        runs=count,
        systems=tuple(systems),
        frameworks=_framework_trends(history, report),
        exceptions=_expiring(latest, as_of, within_days),
        reviews=_overdue_reviews(latest, as_of),
        controls=_failing_controls(latest),
        rollout=_rollout(latest),
    )


def _essentials(report: dict[str, Any]) -> dict[str, Any]:
    """What the view reads of a report (a whole report is large; a view may need thousands)."""
    return {
        "system": report["system"],
        "verdict": report["verdict"],
        "tier": report["tier"],
        "assurance_level": report.get("assurance_level"),
        "policy": {"revision": report["policy"]["revision"]},
        "controls": [{"id": c["id"], "status": c["status"]} for c in report["controls"]],
        "exceptions": report.get("exceptions", []),
        "evidence": [
            {
                "kind": e["kind"],
                "path": e["path"],
                "facts": {"review_by": e["facts"].get("review_by")},
            }
            for e in report.get("evidence", [])
            if e["kind"] in _REVIEWED_EVIDENCE and isinstance(e.get("facts"), dict)
        ],
        "staged": [
            {"rule_id": f["rule_id"], "title": f["title"], "enforcement": f["enforcement"]}
            for f in report.get("findings", [])
            if f.get("enforcement")
        ],
    }


def histories(runs: Iterable[StoredRun], as_of: dt.date) -> dict[str, list[StoredRun]]:
    """Each system's runs assessed on or before `as_of`, oldest first (the last is its
    latest), by system id."""
    day = as_of.isoformat()
    history: dict[str, list[StoredRun]] = defaultdict(list)
    for run in sorted(runs, key=lambda r: (r.as_of, r.id)):
        if run.as_of <= day:
            history[run.system_id].append(run)
    return dict(sorted(history.items()))


def _status(entries: Sequence[StoredRun], report: dict[str, Any], as_of: dt.date) -> SystemStatus:
    run = entries[-1]
    trend = tuple(
        TrendPoint(entry.as_of, entry.verdict, entry.failed) for entry in entries[-TREND_RUNS:]
    )
    level = report.get("assurance_level") or {}
    return SystemStatus(
        id=run.system_id,
        name=report["system"]["name"],
        verdict=report["verdict"],
        tier=report["tier"]["level"],
        assurance_level=level.get("level"),
        last_checked=run.as_of,
        days_since=(as_of - dt.date.fromisoformat(run.as_of)).days,
        commit=run.commit_sha,
        policy_revision=report["policy"]["revision"],
        runs=len(entries),
        direction=_direction(trend),
        trend=trend,
    )


def _direction(trend: Sequence[TrendPoint]) -> str:
    if len(trend) < 2:
        return "new"
    before, now = trend[-2].failed, trend[-1].failed
    return "improving" if now < before else "worsening" if now > before else "steady"


def _framework_trends(
    history: dict[str, list[StoredRun]], report: Reports
) -> tuple[FrameworkTrend, ...]:
    dates = sorted({run.as_of for entries in history.values() for run in entries})[-TREND_DATES:]
    series: dict[str, list[FrameworkPoint]] = defaultdict(list)
    for date in dates:
        failing: Counter[str] = Counter()
        assessed: Counter[str] = Counter()
        for entries in history.values():
            known = [run for run in entries if run.as_of <= date]
            if not known:
                continue
            for control in report(known[-1].id)["controls"]:
                framework = control["id"].split(":", 1)[0]
                if control["status"] in _ASSESSED:
                    assessed[framework] += 1
                    failing[framework] += control["status"] == "fail"
        for framework in sorted(assessed):
            series[framework].append(FrameworkPoint(date, failing[framework], assessed[framework]))
    return tuple(FrameworkTrend(name, tuple(points)) for name, points in sorted(series.items()))


def _expiring(latest: Latest, as_of: dt.date, within_days: int) -> tuple[ExpiringException, ...]:
    found = []
    for system_id, report in latest:
        for exception in report.get("exceptions", []):
            until = _date(exception.get("approved_until") or "")
            if exception.get("status") != "approved" or until is None:
                continue
            days_left = (until - as_of).days
            if days_left <= within_days:
                found.append(
                    ExpiringException(
                        system_id=system_id,
                        rule=exception["rule"],
                        approved_until=until.isoformat(),
                        days_left=days_left,
                        ticket=exception.get("ticket") or "",
                        approved_by=exception.get("approved_by") or "",
                    )
                )
    return tuple(sorted(found, key=lambda e: (e.days_left, e.system_id, e.rule)))


def _overdue_reviews(latest: Latest, as_of: dt.date) -> tuple[OverdueReview, ...]:
    found = []
    for system_id, report in latest:
        for evidence in report.get("evidence", []):
            review_by = (evidence.get("facts") or {}).get("review_by")
            due = _date(review_by) if isinstance(review_by, str) else None
            if evidence.get("kind") in _REVIEWED_EVIDENCE and due is not None and due < as_of:
                found.append(
                    OverdueReview(
                        system_id=system_id,
                        kind=evidence["kind"],
                        path=evidence["path"],
                        review_by=due.isoformat(),
                        days_overdue=(as_of - due).days,
                    )
                )
    return tuple(sorted(found, key=lambda r: (-r.days_overdue, r.system_id, r.kind, r.path)))


def _failing_controls(latest: Latest) -> tuple[FailingControl, ...]:
    systems: dict[str, set[str]] = defaultdict(set)
    for system_id, report in latest:
        for control in report["controls"]:
            if control["status"] == "fail":
                systems[control["id"]].add(system_id)
    ranked = sorted(systems.items(), key=lambda item: (-len(item[1]), item[0]))[:TOP_CONTROLS]
    return tuple(FailingControl(control, tuple(sorted(ids))) for control, ids in ranked)


def _rollout(latest: Latest) -> tuple[StagedRule, ...]:
    """Each staged rule per stage (phase and dates) the latest runs carry it at, by rule id
    (natural order), then phase and dates."""
    titles: dict[str, str] = {}
    systems: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    failing: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for system_id, report in latest:
        for finding in report.get("staged", []):
            stage = finding["enforcement"]
            key = (finding["rule_id"], stage["phase"], stage.get("warn_from") or "",
                   stage.get("fail_from") or "")  # fmt: skip
            titles.setdefault(finding["rule_id"], finding["title"])
            systems[key].add(system_id)
            if stage["phase"] != "enforced" and stage["enforced_status"] == "fail":
                failing[key].add(system_id)
    order = sorted(
        systems,
        key=lambda k: (natural_key(k[0]), _PHASES.index(k[1]) if k[1] in _PHASES else 3, k),
    )
    return tuple(
        StagedRule(
            rule_id=rule,
            title=titles[rule],
            phase=phase,
            warn_from=warn_from or None,
            fail_from=fail_from or None,
            systems=tuple(sorted(systems[key], key=natural_key)),
            will_fail=tuple(sorted(failing[key], key=natural_key)),
        )
        for key in order
        for rule, phase, warn_from, fail_from in [key]
    )


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
