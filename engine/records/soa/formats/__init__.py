"""Formats of the Statement of Applicability (`ai-assure report soa --format NAME`), one module
each, found the same way as every other output family (`engine.render.interface`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.render.interface import get_renderer

if TYPE_CHECKING:
    from engine.records.soa.formats.interface import SoaFormat

#: format name -> "module:Class", resolved lazily by `get_soa_format`
SOA_FORMATS: dict[str, str] = {
    "markdown": "engine.records.soa.formats.markdown:MarkdownSoa",
    "json": "engine.records.soa.formats.json:JsonSoa",
    "csv": "engine.records.soa.formats.csv:CsvSoa",
}

FORMATS: tuple[str, ...] = tuple(SOA_FORMATS)


def get_soa_format(name: str) -> SoaFormat:
    """The format registered as `name`; `ValueError` naming the known ones otherwise."""
    renderer: SoaFormat = get_renderer(SOA_FORMATS, name, "Statement of Applicability format")
    return renderer
