"""`ai-assure classify`: a system's classification on both axes and its decision path
(engine.assessment.classify), written in the formats of `formats/`."""

from __future__ import annotations

from engine.assessment.classify import SystemClassification
from engine.records.classification.formats import FORMATS, get_classification_format


def render(classification: SystemClassification, fmt: str, unknowns_only: bool = False) -> str:
    """The classification in the format named `fmt` (one of `FORMATS`); `unknowns_only`: only
    the questions still open, in plain language (`--explain-unknowns`)."""
    return get_classification_format(fmt, unknowns_only=unknowns_only).render(classification)


__all__ = ["FORMATS", "render"]
