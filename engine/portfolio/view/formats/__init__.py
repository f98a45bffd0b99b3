"""The department view's formats, one module each, imported on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.render.interface import get_renderer

if TYPE_CHECKING:
    from engine.portfolio.view.formats.interface import ViewFormat

#: format name -> "module:Class"
VIEW_FORMATS: dict[str, str] = {
    "text": "engine.portfolio.view.formats.text:TextView",
    "json": "engine.portfolio.view.formats.json:JsonView",
    "csv": "engine.portfolio.view.formats.csv:CsvView",
    "html": "engine.portfolio.view.formats.html:HtmlView",
}

FORMATS: tuple[str, ...] = tuple(VIEW_FORMATS)


def get_view_format(name: str) -> ViewFormat:
    """The view format registered as `name` (`ValueError` names the known ones)."""
    found: ViewFormat = get_renderer(VIEW_FORMATS, name, "portfolio format")
    return found
