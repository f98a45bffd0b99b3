"""The Statement as canonical JSON (`schema: ai-assure/soa/v1`, sorted keys)."""

from __future__ import annotations

from engine.records.soa.build import Soa
from engine.records.soa.formats.interface import SoaFormat


class JsonSoa(SoaFormat):
    name = "json"

    def render(self, document: Soa) -> str:
        return document.to_json()
