"""The classification as JSON (`schema: ai-assure/classification/v1`): the same data as the
text, sorted keys; with --explain-unknowns, the system and its open questions only."""

from __future__ import annotations

import json

from engine.assessment.classify import SystemClassification
from engine.records.classification.formats.interface import ClassificationFormat


class JsonClassification(ClassificationFormat):
    name = "json"

    def render(self, document: SystemClassification) -> str:
        if not self.unknowns_only:
            return document.to_json()
        data = document.model_dump(
            mode="json", by_alias=True, include={"schema_", "system", "as_of", "questions"}
        )
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
