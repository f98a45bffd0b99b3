"""The portfolio summary as JSON (`ai-assure/portfolio-check/v1`): the run's verdict and
totals, one entry per system (sorted by path), and the run's own errors."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Any

from engine import __version__
from engine.portfolio.formats.interface import PortfolioFormat
from engine.portfolio.model import PORTFOLIO_SCHEMA, PortfolioCheck
from engine.render.jsondoc import dumps


class JsonSummary(PortfolioFormat):
    name = "json"

    def render(self, portfolio: PortfolioCheck, parts: Sequence[str]) -> Iterator[str]:
        yield dumps(summary_document(portfolio))


def summary_document(portfolio: PortfolioCheck) -> dict[str, Any]:
    return {
        "schema": PORTFOLIO_SCHEMA,
        "tool": {"name": "ai-assure", "version": __version__},
        "as_of": portfolio.as_of,
        "fail_on": portfolio.fail_on,
        "verdict": portfolio.verdict,
        "totals": portfolio.totals(),
        "systems": [_system(asdict(system)) for system in portfolio.systems],
        "errors": list(portfolio.errors),
    }


def _system(entry: dict[str, Any]) -> dict[str, Any]:
    entry["errors"] = list(entry["errors"])
    entry["report"] = entry.pop("report_name") or None
    return entry
