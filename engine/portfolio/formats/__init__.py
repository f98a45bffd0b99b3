"""Portfolio summary formats, one module each, imported on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.render.interface import get_renderer

if TYPE_CHECKING:
    from engine.portfolio.formats.interface import PortfolioFormat

#: format name -> "module:Class"
PORTFOLIO_FORMATS: dict[str, str] = {
    "text": "engine.portfolio.formats.text:TextSummary",
    "json": "engine.portfolio.formats.json:JsonSummary",
    "junit": "engine.portfolio.formats.junit:JUnitSummary",
    "sarif": "engine.portfolio.formats.sarif:SarifSummary",
}

SUMMARY_FORMATS: tuple[str, ...] = tuple(PORTFOLIO_FORMATS)


def get_portfolio_format(name: str) -> PortfolioFormat:
    """The summary format registered as `name` (`ValueError` names the known ones)."""
    found: PortfolioFormat = get_renderer(PORTFOLIO_FORMATS, name, "portfolio format")
    return found
