"""Formats of a policy impact (`ai-assure policy impact --format NAME`), one module each,
found the same way as every other output family (`engine.render.interface`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.render.interface import get_renderer

if TYPE_CHECKING:
    from engine.records.impact.formats.interface import ImpactFormat

#: format name -> "module:Class", resolved lazily by `get_impact_format`
IMPACT_FORMATS: dict[str, str] = {
    "text": "engine.records.impact.formats.text:TextImpact",
    "markdown": "engine.records.impact.formats.markdown:MarkdownImpact",
    "json": "engine.records.impact.formats.json:JsonImpact",
}

FORMATS: tuple[str, ...] = tuple(IMPACT_FORMATS)


def get_impact_format(name: str) -> ImpactFormat:
    """The format registered as `name`; `ValueError` naming the known ones otherwise."""
    renderer: ImpactFormat = get_renderer(IMPACT_FORMATS, name, "policy impact format")
    return renderer
