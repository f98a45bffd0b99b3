"""The impact of a candidate policy revision on a portfolio (`ai-assure policy impact`):
compared by `build`, written in the formats of `formats/`."""

from __future__ import annotations

from engine.records.impact.build import Impact, build_impact
from engine.records.impact.formats import FORMATS, get_impact_format


def render(impact: Impact, fmt: str) -> str:
    """The impact in the format named `fmt` (one of `FORMATS`)."""
    return get_impact_format(fmt).render(impact)


__all__ = ["FORMATS", "Impact", "build_impact", "render"]
