"""The contract every check-report format keeps: a renderer of the report model."""

from __future__ import annotations

from engine.assessment.model import Report
from engine.render.interface import Renderer


class Reporter(Renderer[Report]):
    """Renders the report model in one format (`ai-assure check --format NAME`)."""
