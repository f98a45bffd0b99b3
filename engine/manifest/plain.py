"""The fast path for a manifest that is plainly valid: checked against the committed JSON
Schema (`schemas/ai-manifest.schema.json`, generated from the pydantic models) without
importing pydantic, which costs more than the rest of a `check`.

"Plainly" is deliberately narrow: every value already has exactly the type the schema names
(no coercion: `"3"` for a score, `2.3` for a version), no text has surrounding white space
(the models strip it) or a lone surrogate (which they refuse), every keyword of the schema
is one this module knows, and the identifiers the models keep unique are unique. Anything
else is not refused here: it goes to pydantic (`engine.manifest._validate`), which accepts
it with its own coercions or explains what is wrong, line by line. So this path may only
ever be stricter than pydantic, and what it gives is exactly what the model would have
held: `model.model_dump()` (tests/engine/manifest/test_plain.py proves both, on every
manifest fixture and on generated variants).
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
import unicodedata
from functools import cache
from typing import Any

from engine.core.assets import asset_dir
from engine.core.parsing import load_json
from engine.core.text import holds_surrogate

SCHEMA_FILE = "ai-manifest.schema.json"
#: the schema keyword the models' unique-identifier lists carry (engine.manifest.model.UniqueBy)
UNIQUE_BY = "x-unique-by"
_KNOWN_KEYWORDS = frozenset(
    {
        "$ref", "$defs", "$schema", "anyOf", "oneOf", "discriminator", "type", "properties",
        "required", "additionalProperties", "items", "enum", "const", "pattern", "format",
        "minimum", "maximum", "default", "title", "description", UNIQUE_BY,
    }
)  # fmt: skip
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class NotPlain(Exception):
    """The value is not plainly valid; pydantic decides."""


def unique_key(value: str) -> str:
    """An identifier as people read it: case, Unicode compatibility forms and surrounding
    space ignored (two entries with equal keys are the same entry)."""
    return unicodedata.normalize("NFKC", value).strip().casefold()


def plain_manifest(raw: object) -> dict[str, Any] | None:
    """The manifest as its model would dump it (`model_dump()`: every default filled in,
    dates as `datetime.date`), or None when it is not plainly valid."""
    schema = _schema()
    try:
        return _Checker(schema).value(raw, schema)
    except NotPlain:
        return None


@cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = load_json((asset_dir("schemas") / SCHEMA_FILE).read_text("utf-8"))
    return schema


class _Checker:
    def __init__(self, root: dict[str, Any]) -> None:
        self.definitions: dict[str, Any] = root["$defs"]

    def value(self, value: Any, schema: dict[str, Any]) -> Any:
        if schema.keys() - _KNOWN_KEYWORDS:
            raise NotPlain
        if "$ref" in schema:
            return self.value(value, self._resolve(schema["$ref"]))
        if "oneOf" in schema:
            return self.value(value, self._chosen(value, schema))
        if "anyOf" in schema:
            return self._first_branch(value, schema["anyOf"])
        checked = self._typed(value, schema)
        if "enum" in schema and not _among(checked, schema["enum"]):
            raise NotPlain
        if "const" in schema and not _among(checked, [schema["const"]]):
            raise NotPlain
        return checked

    def _resolve(self, reference: str) -> dict[str, Any]:
        prefix = "#/$defs/"
        if not reference.startswith(prefix) or reference[len(prefix) :] not in self.definitions:
            raise NotPlain
        resolved: dict[str, Any] = self.definitions[reference[len(prefix) :]]
        return resolved

    def _chosen(self, value: Any, schema: dict[str, Any]) -> dict[str, Any]:
        """The branch a discriminated `oneOf` names for this value (the manifest version)."""
        discriminator = schema.get("discriminator") or {}
        name = discriminator.get("propertyName")
        if not isinstance(value, dict) or not isinstance(value.get(name), str):
            raise NotPlain
        target = discriminator.get("mapping", {}).get(value[name])
        if target is None:
            raise NotPlain
        return {"$ref": target}

    def _first_branch(self, value: Any, branches: list[dict[str, Any]]) -> Any:
        for branch in branches:
            try:
                return self.value(value, branch)
            except NotPlain:
                continue
        raise NotPlain

    def _typed(self, value: Any, schema: dict[str, Any]) -> Any:
        kind = schema.get("type")
        if kind == "object":
            return self._object(value, schema)
        if kind == "array":
            return self._array(value, schema)
        if kind == "string":
            return _string(value, schema)
        if kind == "integer" and type(value) is int:
            return _bounded(value, schema)
        if kind == "number" and type(value) is float and math.isfinite(value):
            return _bounded(value, schema)
        if kind == "boolean" and type(value) is bool:
            return value
        if kind == "null" and value is None:
            return None
        raise NotPlain

    def _object(self, value: Any, schema: dict[str, Any]) -> dict[str, Any]:
        properties: dict[str, Any] = schema.get("properties", {})
        if (
            type(value) is not dict
            or schema.get("additionalProperties") is not False
            or not value.keys() <= properties.keys()
            or not set(schema.get("required", ())) <= value.keys()
        ):
            raise NotPlain
        return {
            name: self.value(value[name], spec) if name in value else _default(spec)
            for name, spec in properties.items()
        }

    def _array(self, value: Any, schema: dict[str, Any]) -> list[Any]:
        if type(value) is not list or "items" not in schema:
            raise NotPlain
        items = [self.value(item, schema["items"]) for item in value]
        if UNIQUE_BY in schema:
            _check_unique(items, schema[UNIQUE_BY])
        return items


def _string(value: Any, schema: dict[str, Any]) -> Any:
    if schema.get("format") == "date":
        return _date(value)
    if "format" in schema or type(value) is not str or value != value.strip():
        raise NotPlain
    if holds_surrogate(value):
        raise NotPlain  # pydantic refuses text that is not Unicode
    if "pattern" in schema and not re.search(schema["pattern"], value):
        raise NotPlain
    return value


def _date(value: Any) -> dt.date:
    """A date as YAML reads it, or written as `YYYY-MM-DD` in quotes."""
    if type(value) is dt.date:
        return value
    if type(value) is str and _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise NotPlain from None
    raise NotPlain


def _bounded(value: int | float, schema: dict[str, Any]) -> int | float:
    if value < schema.get("minimum", value) or value > schema.get("maximum", value):
        raise NotPlain
    return value


def _among(value: Any, allowed: list[Any]) -> bool:
    """In the list, with the same type too (`True` is not the `1` of `Literal[1]`)."""
    return any(type(value) is type(choice) and value == choice for choice in allowed)


def _default(spec: dict[str, Any]) -> Any:
    """A left-out property's default, as the model would fill it in. The schema holds it as
    JSON, which for every default of the models is the Python value too; a fresh copy, so
    no two manifests share one."""
    if "default" not in spec:
        raise NotPlain  # the models give every optional property a default
    return copy.deepcopy(spec["default"])


def _check_unique(items: list[Any], field: str) -> None:
    if not all(isinstance(item, dict) and isinstance(item.get(field), str) for item in items):
        raise NotPlain
    keys = [unique_key(item[field]) for item in items]
    if len(set(keys)) != len(keys):
        raise NotPlain


class PlainRecord:
    """A plainly valid manifest, or one of its parts, read as its model would be: the same
    attribute names and values (`record.metadata.id`, `record.models[0].model_card`), and
    `model_dump` as the model's. It stands in for the pydantic model on the fast path."""

    __slots__ = ("_fields",)

    def __init__(self, fields: dict[str, Any]) -> None:
        self._fields = fields

    def __getattr__(self, name: str) -> Any:
        try:
            return _as_record(self._fields[name])
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"PlainRecord({self._fields!r})"

    def model_dump(self, *, mode: str = "python", exclude_none: bool = False) -> dict[str, Any]:
        """The fields as a dict, as pydantic's `model_dump` gives them (in mode "json",
        dates as `YYYY-MM-DD`; with `exclude_none`, no field whose value is None)."""
        dumped: dict[str, Any] = _dumped(self._fields, mode == "json", exclude_none)
        return dumped


def _as_record(value: Any) -> Any:
    if isinstance(value, dict):
        return PlainRecord(value)
    if isinstance(value, list):
        return [_as_record(item) for item in value]
    return value


def _dumped(value: Any, as_json: bool, exclude_none: bool) -> Any:
    if isinstance(value, dict):
        return {
            key: _dumped(item, as_json, exclude_none)
            for key, item in value.items()
            if not (exclude_none and item is None)
        }
    if isinstance(value, list):
        return [_dumped(item, as_json, exclude_none) for item in value]
    if as_json and isinstance(value, dt.date):
        return value.isoformat()
    return value
