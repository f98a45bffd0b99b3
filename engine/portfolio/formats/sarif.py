"""SARIF 2.1.0 for a portfolio: one run per system, each exactly the run that
`check --format sarif` writes for that system alone (its `automationDetails.id` names the
system, so code scanning keeps each system's alerts apart). The run's own problems (a folder
not searched, a duplicated id) belong to no system: they make a run of their own, whose
invocation failed."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence

from engine import __version__
from engine.assessment.model import Report
from engine.portfolio.formats.interface import PortfolioFormat
from engine.portfolio.model import PortfolioCheck
from engine.render.jsondoc import dumps
from engine.reporters import get_reporter

#: as `check --format sarif` writes it
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_RUNS_OPEN = '  "runs": [\n'
_RUNS_CLOSE = '\n  ],\n  "version": "2.1.0"\n}\n'


class SarifSummary(PortfolioFormat):
    name = "sarif"

    def part(self, report: Report) -> str:
        """The system's run, cut from its own SARIF log: that log is canonical JSON (sorted
        keys, two-space indent), so its one run already sits as it will in the summary,
        between `"$schema"` and `"version"`."""
        log = get_reporter("sarif").render(report)
        start, end = log.index(_RUNS_OPEN) + len(_RUNS_OPEN), log.rindex(_RUNS_CLOSE)
        return log[start:end]

    def render(self, portfolio: PortfolioCheck, parts: Sequence[str]) -> Iterator[str]:
        yield f'{{\n  "$schema": {json.dumps(SARIF_SCHEMA)},\n{_RUNS_OPEN}'
        runs = itertools.chain(parts, [_run_errors(portfolio)] if portfolio.errors else [])
        for number, run in enumerate(runs):
            yield (",\n" if number else "") + run
        yield _RUNS_CLOSE


def _run_errors(portfolio: PortfolioCheck) -> str:
    """A run with no results whose invocation failed, naming the run's problems."""
    run = {
        "tool": {"driver": {"name": "ai-assure", "version": __version__}},
        "automationDetails": {"id": "ai-assure/portfolio/"},
        "invocations": [
            {
                "executionSuccessful": False,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": problem}} for problem in portfolio.errors
                ],
            }
        ],
        "results": [],
    }
    return _indented(dumps(run).rstrip("\n"))


def _indented(text: str) -> str:
    return "\n".join("    " + line for line in text.split("\n"))
