"""The contract of a department view format: a renderer of the `PortfolioView`."""

from __future__ import annotations

from engine.portfolio.view.build import PortfolioView
from engine.render.interface import Renderer


class ViewFormat(Renderer[PortfolioView]):
    """Renders the department view in one format (`ai-assure portfolio --format NAME`)."""
