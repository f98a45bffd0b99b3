"""The committed JSON Schema (used by editors through the yaml-language-server modeline)."""

import json
from pathlib import Path

from engine.manifest.schema import SCHEMA_FILE, manifest_schema, manifest_schema_json

COMMITTED = Path(__file__).resolve().parents[3] / "schemas" / SCHEMA_FILE


def test_committed_schema_matches_the_model():
    assert COMMITTED.read_text() == manifest_schema_json(), (
        "schemas/ai-manifest.schema.json is stale: run `ai-assure schema > "
        "schemas/ai-manifest.schema.json`"
    )


def test_schema_forbids_unknown_keys_everywhere():
    schema = manifest_schema()
    objects = [schema, *schema["$defs"].values()]
    assert all(obj.get("additionalProperties") is False for obj in objects if "properties" in obj)


def test_schema_accepts_the_examples():
    import jsonschema
    import yaml

    validator = jsonschema.Draft202012Validator(manifest_schema())
    examples = sorted((COMMITTED.parents[1] / "examples").glob("*/ai-manifest.yaml"))
    for example in examples:
        data = yaml.safe_load(example.read_text())
        data = json.loads(json.dumps(data, default=str))
        assert not list(validator.iter_errors(data)), example
