"""The department view as JSON (`ai-assure/portfolio/v1`): every section of the view, as
computed, with sorted keys."""

from __future__ import annotations

from dataclasses import asdict

from engine import __version__
from engine.portfolio.view.build import VIEW_SCHEMA, PortfolioView
from engine.portfolio.view.formats.interface import ViewFormat
from engine.render.jsondoc import dumps


class JsonView(ViewFormat):
    name = "json"

    def render(self, document: PortfolioView) -> str:
        data = asdict(document)
        data["totals"] = document.totals()
        data["schema"] = VIEW_SCHEMA
        data["tool"] = {"name": "ai-assure", "version": __version__}
        return dumps(data)
