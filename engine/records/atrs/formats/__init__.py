"""Formats of the ATRS record (`ai-assure report atrs --format NAME`), one module each, found
the same way as every other output family (`engine.render.interface`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.render.interface import get_renderer

if TYPE_CHECKING:
    from engine.records.atrs.formats.interface import AtrsFormat

#: format name -> "module:Class", resolved lazily by `get_atrs_format`
ATRS_FORMATS: dict[str, str] = {
    "markdown": "engine.records.atrs.formats.markdown:MarkdownAtrs",
    "json": "engine.records.atrs.formats.json:JsonAtrs",
}

FORMATS: tuple[str, ...] = tuple(ATRS_FORMATS)


def get_atrs_format(name: str) -> AtrsFormat:
    """The format registered as `name`; `ValueError` naming the known ones otherwise."""
    renderer: AtrsFormat = get_renderer(ATRS_FORMATS, name, "ATRS record format")
    return renderer
