"""The classification as JSON (`schema: ai-assure/classification/v1`): the same data as the
text, sorted keys; with --explain-unknowns, the system and its open questions only."""

from __future__ import annotations

import json

from engine.assessment.classify import SystemClassification
from engine.assessment.model import to_data
from engine.records.classification.formats.interface import ClassificationFormat

_UNKNOWNS = ("schema", "system", "as_of", "questions")  # what --explain-unknowns keeps


class JsonClassification(ClassificationFormat):
    name = "json"

    def render(self, document: SystemClassification) -> str:
        if not self.unknowns_only:
            return document.to_json()
        data = {key: value for key, value in to_data(document).items() if key in _UNKNOWNS}
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
