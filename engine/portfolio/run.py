"""Assess many systems in one run: the policies are loaded (and a bundle verified) once, then
every system is checked with them, in this process or in `jobs` worker processes.

Workers are processes, not threads: evidence gathering and rendering are Python (one
interpreter lock between threads), and each process keeps its own wasmtime instance of the
compiled policy, so no interpreter state is ever shared. Workers are started with `spawn`
(a fresh interpreter, nothing inherited from this process's threads or wasmtime state); each
loads the policies once, checks a system and renders what the run writes of it, so the
parent only writes files. A worker that dies (killed, out of memory) turns each system it
had not finished into an error report, never into a silent gap.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from engine import __version__
from engine.assessment.model import PolicyRef, Report, SystemRef, Tier, Tool
from engine.assessment.run import CheckOptions, SystemInput, assess_system, policies_for
from engine.core.errors import AssuranceError
from engine.policy.sources import PolicySet
from engine.portfolio.formats import get_portfolio_format
from engine.portfolio.model import SystemSummary
from engine.reporters import get_reporter


@dataclass(frozen=True)
class Target:
    shown: str  # the system's folder as given or found, POSIX
    path: Path  # what `run_check` reads: a folder or a manifest file


@dataclass(frozen=True)
class Plan:
    """What a run renders of each system: its own reports, and the summary formats' parts."""

    reports: tuple[str, ...] = ()  # report formats (engine.reporters)
    parts: tuple[str, ...] = ()  # summary formats (engine.portfolio.formats)
    inputs: bool = False  # keep each system's input document (for the results store)


@dataclass(frozen=True)
class Outcome:
    """One system checked: its summary and its rendered texts (the report itself is gone)."""

    target: Target
    summary: SystemSummary
    reports: dict[str, str] = field(default_factory=dict)  # format -> the system's report
    parts: dict[str, str] = field(default_factory=dict)  # summary format -> its part
    input: SystemInput | None = None  # what was evaluated, when the plan keeps inputs


def fixed_date(options: CheckOptions) -> CheckOptions:
    """The options with `--as-of` fixed now: every system of a run shares one date."""
    return replace(options, as_of=options.as_of_date)


def preload(options: CheckOptions) -> PolicySet | None:
    """The policies every system is checked with, loaded once; None when they cannot be
    (each system then meets the same refusal and reports it as its own error)."""
    try:
        return policies_for(options, {})
    except AssuranceError:
        return None


def assess(
    targets: Iterable[Target], options: CheckOptions, plan: Plan, jobs: int = 1
) -> Iterator[Outcome]:
    """Each target's outcome, in the targets' order (so whatever is named after the order is
    the same in every run); never raises for one system."""
    targets = list(targets)
    if jobs <= 1 or len(targets) <= 1:
        policies = preload(options)
        for target in targets:
            assessed = assess_system(target.path, options, policies)
            yield outcome(target, assessed.report, plan, assessed.input)
        return
    yield from _in_workers(targets, options, plan, min(jobs, len(targets)))


def outcome(
    target: Target, report: Report, plan: Plan, system_input: SystemInput | None = None
) -> Outcome:
    """What the run keeps of one system's report (and of its input, when the plan says)."""
    return Outcome(
        target,
        SystemSummary.of(target.shown, report),
        {name: get_reporter(name).render(report) for name in plan.reports},
        {name: get_portfolio_format(name).part(report) for name in plan.parts},
        system_input if plan.inputs else None,
    )


def _in_workers(
    targets: list[Target], options: CheckOptions, plan: Plan, jobs: int
) -> Iterator[Outcome]:
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        jobs, context, initializer=_start_worker, initargs=(options, plan)
    )
    try:
        pending = deque((target, executor.submit(_check_in_worker, target)) for target in targets)
        while pending:  # popped as consumed: a finished outcome is held no longer than needed
            target, future = pending.popleft()
            yield _outcome_of(future, target, options, plan)
    finally:  # an interrupted run leaves no queued work behind
        executor.shutdown(wait=True, cancel_futures=True)


def _outcome_of(
    future: Future[Outcome], target: Target, options: CheckOptions, plan: Plan
) -> Outcome:
    try:
        return future.result()
    except Exception as exc:  # a dead worker fails this system closed
        problem = f"the worker process assessing it ended unexpectedly ({type(exc).__name__})"
        return outcome(target, error_report(options, problem), plan)


_WORKER: dict[str, object] = {}


def _start_worker(options: CheckOptions, plan: Plan) -> None:
    """A worker's start: the parent alone answers SIGINT (it stops the run); the policies are
    loaded once for every system this worker checks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(options=options, plan=plan, policies=preload(options))


def _check_in_worker(target: Target) -> Outcome:
    options, plan, policies = _WORKER["options"], _WORKER["plan"], _WORKER["policies"]
    assert isinstance(options, CheckOptions) and isinstance(plan, Plan)
    assert policies is None or isinstance(policies, PolicySet)
    assessed = assess_system(target.path, options, policies)
    return outcome(target, assessed.report, plan, assessed.input)


def error_report(options: CheckOptions, problem: str) -> Report:
    """The report of a system nothing is known of but `problem` (verdict error)."""
    return Report(
        tool=Tool(version=__version__),
        system=SystemRef(id="unknown", name=""),
        as_of=options.as_of_date.isoformat(),
        fail_on=options.fail_on,
        tier=Tier(level="unknown"),
        verdict="error",
        policy=PolicyRef(source="unknown", revision="unknown", digest="unknown"),
        errors=[problem],
    )
