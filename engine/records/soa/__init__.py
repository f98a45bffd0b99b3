"""ISO/IEC 42001 Statements of Applicability (`ai-assure report soa`): built from one
assessment report by `build`, written in the formats of `formats/`."""

from __future__ import annotations

from engine.records.soa.build import Soa, SoaError, build_soa, load_report
from engine.records.soa.formats import FORMATS, get_soa_format


def render(soa: Soa, fmt: str) -> str:
    """The Statement in the format named `fmt` (one of `FORMATS`)."""
    return get_soa_format(fmt).render(soa)


__all__ = ["FORMATS", "Soa", "SoaError", "build_soa", "load_report", "render"]
