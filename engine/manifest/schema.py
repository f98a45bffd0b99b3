"""The manifest's JSON Schema, generated from the pydantic models (one source of truth): both
versions, chosen by `apiVersion` (version 2 records the facts the law turns on; version 1
still loads)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from engine.manifest.model import Manifest
from engine.manifest.model_v2 import ManifestV2

SCHEMA_FILE = "ai-manifest.schema.json"

_EITHER_VERSION = TypeAdapter(Annotated[ManifestV2 | Manifest, Field(discriminator="apiVersion")])


def manifest_schema() -> dict[str, Any]:
    schema = _EITHER_VERSION.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ai-assure AI system manifest"
    return schema


def manifest_schema_json() -> str:
    return json.dumps(manifest_schema(), indent=2, sort_keys=True) + "\n"
