"""A listing for people and `cut`: one line per row, its text columns tab-separated, every
value made inert (no escape sequence or workflow command from a policy reaches the log)."""

from __future__ import annotations

from engine.records.listing import Listing
from engine.records.listing.formats.interface import ListingFormat, joined
from engine.render.text import inert


class TextListing(ListingFormat):
    name = "text"

    def render(self, listing: Listing) -> str:
        lines = (
            "\t".join(inert(joined(row[column], " ") or "-") for column in listing.text_columns)
            for row in listing.rows
        )
        return "".join(f"{line}\n" for line in lines)
