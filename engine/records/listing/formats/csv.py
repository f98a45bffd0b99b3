"""A listing as CSV: RFC 4180, a header of every column, CRLF line ends, lists joined with
`; `, formula-neutralised cells."""

from __future__ import annotations

from engine.records.listing import Listing
from engine.records.listing.formats.interface import ListingFormat, joined
from engine.render.spreadsheet import csv_text


class CsvListing(ListingFormat):
    name = "csv"

    def render(self, listing: Listing) -> str:
        rows = ([joined(row[column], "; ") for column in listing.columns] for row in listing.rows)
        return csv_text(listing.columns, rows)
