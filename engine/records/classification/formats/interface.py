"""The contract every classification format keeps: a renderer of a `SystemClassification`,
either whole or only its open questions (`--explain-unknowns`)."""

from __future__ import annotations

from engine.assessment.classify import SystemClassification
from engine.render.interface import Renderer


class ClassificationFormat(Renderer[SystemClassification]):
    """Renders a classification in one format (`ai-assure classify --format NAME`)."""

    def __init__(self, unknowns_only: bool = False) -> None:
        self.unknowns_only = unknowns_only
