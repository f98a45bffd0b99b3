"""The contract every output format keeps: render one `Report` to text or bytes."""

from __future__ import annotations

from abc import ABC, abstractmethod

from engine.report import Report


class Reporter(ABC):
    """Renders the report model in one format. Rendering is pure: same report, same output."""

    #: the name used with `--format`
    name: str

    @abstractmethod
    def render(self, report: Report) -> str:
        """Return the whole output as a string (written as UTF-8)."""
