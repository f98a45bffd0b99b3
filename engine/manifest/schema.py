"""The manifest's JSON Schema, generated from the pydantic model (one source of truth)."""

from __future__ import annotations

import json
from typing import Any

from engine.manifest.model import Manifest

SCHEMA_FILE = "ai-manifest.schema.json"


def manifest_schema() -> dict[str, Any]:
    schema = Manifest.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def manifest_schema_json() -> str:
    return json.dumps(manifest_schema(), indent=2, sort_keys=True) + "\n"
