"""The record as canonical JSON (sorted keys, two-space indent)."""

from __future__ import annotations

from engine.records.atrs.formats.interface import AtrsFormat
from engine.records.atrs.record import AtrsRecord


class JsonAtrs(AtrsFormat):
    name = "json"

    def render(self, document: AtrsRecord) -> str:
        return document.to_json()
