"""The contract of a portfolio summary format.

A run over a thousand systems cannot keep a thousand reports in memory, so a format says
what it keeps of each system's report as it arrives (`part`: the SARIF run, the JUnit
testsuite, or nothing; the run spools parts to disk), and renders the summary from the
portfolio and those parts as a sequence of chunks, written one by one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from typing import ClassVar

from engine.assessment.model import Report
from engine.portfolio.model import PortfolioCheck


class PortfolioFormat(ABC):
    """Renders a portfolio check in one format (`check PATH... --format NAME`)."""

    name: ClassVar[str]

    def part(self, report: Report) -> str:
        """What this format keeps of one system's report (nothing by default)."""
        return ""

    @abstractmethod
    def render(self, portfolio: PortfolioCheck, parts: Sequence[str]) -> Iterator[str]:
        """The summary, chunk by chunk; `parts[i]` belongs to `portfolio.systems[i]`."""
