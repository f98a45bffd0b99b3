"""A listing as canonical JSON: `{"schema": "ai-assure/<kind>/v1", "<kind>": [...]}`, every
field of every row, lists as arrays."""

from __future__ import annotations

from engine.records.listing import Listing
from engine.records.listing.formats.interface import ListingFormat
from engine.render.jsondoc import dumps


class JsonListing(ListingFormat):
    name = "json"

    def render(self, listing: Listing) -> str:
        return dumps({"schema": f"ai-assure/{listing.kind}/v1", listing.kind: listing.rows})
