"""The contract every listing format keeps: a renderer of a `Listing`."""

from __future__ import annotations

from engine.records.listing import Cell, Listing
from engine.render.interface import Renderer


class ListingFormat(Renderer[Listing]):
    """Renders a listing in one format."""


def joined(cell: Cell, separator: str) -> str:
    """A cell as one piece of text: a list's items joined by `separator`."""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return cell if isinstance(cell, str) else separator.join(cell)
