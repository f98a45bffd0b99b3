"""Assessing systems under several policy revisions at once (`ai-assure policy impact`).

Each system's manifest and evidence are read once and its input document built once; then
each revision's policies evaluate that same document and give their own report, exactly as
`check` would (the same findings, staged rollout, binding and exceptions). A system can also
be given as the input a `check --store` run kept (`evaluate_input`): its document is
evaluated again, on the comparison's date, without reading the system. Systems are spread
over worker processes, each holding the revisions' policies loaded once.

It keeps its own pool rather than the portfolio runner's (engine/portfolio/run.py, a layer
above): every system here is a list of reports, one per revision, and a worker that dies
ends the whole comparison (exit 2) instead of one system's check, since a partial impact
would understate what a release breaks.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.assessment.run import (
    CheckOptions,
    SystemInput,
    _error_report,
    _gather,
    _outcome,
    _problems,
    build_input,
    load_system,
)
from engine.core.interrupts import DeadlineExceeded, deadline
from engine.core.parsing import yaml_limits
from engine.evaluators import get_evaluator
from engine.policy.sources import PolicySet

if TYPE_CHECKING:
    from engine.assessment.model import Report

_WORKER: dict[str, Any] = {}


def assess_under(
    target: Path, revisions: Sequence[PolicySet], options: CheckOptions
) -> list[Report]:
    """The system at `target` assessed under each revision, in order. Never raises on bad
    input: a system that cannot be read gives an error report under every revision, an
    evaluation that fails an error report under its revision (fail closed)."""
    options = replace(options, as_of=options.as_of_date)
    limits = options.limits
    partial: dict[str, Any] = {}
    try:
        with deadline(limits.timeout_s), yaml_limits(limits.max_yaml_nodes, limits.max_yaml_depth):
            manifest, shown, root = load_system(target)
            partial["manifest"] = manifest
            evidence = _gather(manifest, root, options)
            document = build_input(manifest, evidence, options.as_of_date, root)
    except (Exception, DeadlineExceeded) as exc:
        problems, raw = _problems(exc)
        return [
            _error_report(options, problems, {**partial, "policies": p}, raw) for p in revisions
        ]
    return [_evaluated(document, manifest, shown, policies, options) for policies in revisions]


def evaluate_input(
    stored: SystemInput, revisions: Sequence[PolicySet], options: CheckOptions
) -> list[Report]:
    """A stored input (`check --store` kept it) evaluated under each revision, in order, as
    `assess_under` evaluates a system it has read: on `options`' date, the input otherwise
    as it was. Never raises: a manifest that no longer validates gives an error report under
    every revision."""
    from engine.manifest import parse_manifest

    options = replace(options, as_of=options.as_of_date)
    try:
        manifest = parse_manifest(stored.manifest, Path(stored.shown), stored.shown)
        context = {**stored.document["context"], "as_of": options.as_of_date.isoformat()}
    except Exception as exc:
        problems, raw = _problems(exc)
        return [_error_report(options, problems, {"policies": p}, raw) for p in revisions]
    document = {**stored.document, "context": context}
    return [
        _evaluated(document, manifest, stored.shown, policies, options) for policies in revisions
    ]


def _evaluated(
    document: dict[str, Any], manifest: Any, shown: str, policies: PolicySet, options: CheckOptions
) -> Report:
    partial: dict[str, Any] = {"manifest": manifest, "policies": policies}
    try:
        with deadline(options.limits.timeout_s):
            evaluator = get_evaluator(options.evaluator, **options.evaluator_options())
            evaluation = evaluator.start(policies)
            try:
                result = evaluation.finish(document)
            finally:
                evaluation.cancel()
            return _outcome(result, manifest, shown, policies, document["evidence"], options)
    except (Exception, DeadlineExceeded) as exc:
        return _error_report(options, _problems(exc)[0], partial)


def assess_all(
    targets: Sequence[Path | SystemInput],
    revisions: Sequence[PolicySet],
    options: CheckOptions,
    workers: int | None = None,
) -> list[list[Report]]:
    """Every target, a system's folder or manifest (`assess_under`) or a stored input
    (`evaluate_input`), under every revision, in the order of `targets`, over `workers`
    processes (default: the machine's cores; 1 runs in this process)."""
    options = replace(options, as_of=options.as_of_date)
    workers = max(1, min(workers or os.cpu_count() or 1, len(targets)))
    if workers == 1:
        return [_assess_one(target, revisions, options) for target in targets]
    chunk = max(1, len(targets) // (workers * 8))
    with ProcessPoolExecutor(
        workers, initializer=_start_worker, initargs=(revisions, options)
    ) as pool:
        return list(pool.map(_assess_in_worker, targets, chunksize=chunk))


def _start_worker(revisions: Sequence[PolicySet], options: CheckOptions) -> None:
    _WORKER["revisions"], _WORKER["options"] = revisions, options


def _assess_in_worker(target: Path | SystemInput) -> list[Report]:
    return _assess_one(target, _WORKER["revisions"], _WORKER["options"])


def _assess_one(
    target: Path | SystemInput, revisions: Sequence[PolicySet], options: CheckOptions
) -> list[Report]:
    if isinstance(target, SystemInput):
        return evaluate_input(target, revisions, options)
    return assess_under(target, revisions, options)
