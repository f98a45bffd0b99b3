"""The impact as canonical JSON (`schema: ai-assure/impact/v1`, sorted keys)."""

from __future__ import annotations

from engine.records.impact.build import Impact
from engine.records.impact.formats.interface import ImpactFormat


class JsonImpact(ImpactFormat):
    name = "json"

    def render(self, document: Impact) -> str:
        return document.to_json()
