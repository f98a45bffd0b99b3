"""A listing as CSV: RFC 4180, a header of every column, CRLF line ends, lists joined with
`; `, formula-neutralised cells."""

from __future__ import annotations

import csv
import io

from engine.records.listing import Listing
from engine.records.listing.formats.interface import ListingFormat, joined
from engine.render.spreadsheet import neutralise


class CsvListing(ListingFormat):
    name = "csv"

    def render(self, listing: Listing) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(listing.columns)
        for row in listing.rows:
            writer.writerow([neutralise(joined(row[column], "; ")) for column in listing.columns])
        return buffer.getvalue()
