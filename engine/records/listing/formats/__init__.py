"""Formats of the rule and control listings (`--format NAME` of `policy list` and
`controls`), one module each, found the same way as every other output family
(`engine.render.interface`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.render.interface import get_renderer

if TYPE_CHECKING:
    from engine.records.listing.formats.interface import ListingFormat

#: format name -> "module:Class", resolved lazily by `get_listing_format`
LISTING_FORMATS: dict[str, str] = {
    "text": "engine.records.listing.formats.text:TextListing",
    "json": "engine.records.listing.formats.json:JsonListing",
    "csv": "engine.records.listing.formats.csv:CsvListing",
}

FORMATS: tuple[str, ...] = tuple(LISTING_FORMATS)


def get_listing_format(name: str) -> ListingFormat:
    """The format registered as `name`; `ValueError` naming the known ones otherwise."""
    renderer: ListingFormat = get_renderer(LISTING_FORMATS, name, "listing format")
    return renderer
