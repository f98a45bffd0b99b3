"""Helpers the adapters share: decoding, a small field checker, dates, numbers and text.

Adapters validate with `check_fields` rather than pydantic: the records are flat, and one
message per field ("line 4: dpo_consulted: expected true or false, found text 'yes'") is
clearer to the people fixing the file than a union-validation trace.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from engine.core.parsing import ParseError, YamlDocument, decode_text
from engine.core.text import canonical_text

PathKey = tuple[str | int, ...]


def read_text(content: bytes) -> str:
    """The decoded text; `ParseError` for binary, badly encoded or empty content."""
    text = decode_text(content)
    if not text.strip():
        raise ParseError("empty file")
    return text


def mapping_or_error(data: Any, what: str = "the top level") -> dict[str, Any]:
    """`data` when it is a mapping, else a `ParseError` naming what was found."""
    if isinstance(data, dict):
        return data
    raise ParseError(f"expected a mapping at {what}, found {describe(data)}")


def describe(value: Any) -> str:
    """A short, user-facing description of a parsed value's type."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


class Locator:
    """Turns a data path into a message prefix: `line N: ` for YAML, nothing for JSON."""

    def __init__(self, doc: YamlDocument | None = None) -> None:
        self.doc = doc

    def __call__(self, path: PathKey) -> str:
        where = dotted(path)
        line = f"line {self.doc.line_of(path)}: " if self.doc and path else ""
        return f"{line}{where}: " if where else line


def dotted(path: PathKey) -> str:
    """`("metrics", 2, "value")` as `metrics[2].value`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


# --- value checks -------------------------------------------------------------------------


def is_text(value: Any) -> bool:
    return isinstance(value, str)


def is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def is_count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def is_mapping(value: Any) -> bool:
    return isinstance(value, dict)


def is_iso_date(value: Any) -> bool:
    """A `YYYY-MM-DD` string naming a real calendar day."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_text_or_mapping(value: Any) -> bool:
    return isinstance(value, (str, dict))


def list_of(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    """A check accepting a list whose every item passes `check`."""
    return lambda value: isinstance(value, list) and all(check(item) for item in value)


def one_of(*choices: str) -> Callable[[Any], bool]:
    """A check accepting one of `choices`, ignoring case and invisible characters at the ends."""
    return lambda value: isinstance(value, str) and canonical_text(value).lower() in choices


@dataclass(frozen=True)
class Field:
    """How one field of a record is checked: `check` passes, or `expected` is reported."""

    check: Callable[[Any], bool]
    expected: str
    required: bool = False
    default: Any = None


def check_fields(
    data: Mapping[str, Any], fields: Mapping[str, Field], at: Locator, base: PathKey = ()
) -> tuple[dict[str, Any], list[str]]:
    """Values of `fields` from `data` (a wrong-typed value becomes its default) and errors."""
    values: dict[str, Any] = {}
    errors: list[str] = []
    for key, spec in fields.items():
        value = data.get(key)
        if value is None:
            values[key] = _fresh(spec.default)
        elif spec.check(value):
            values[key] = value
        else:
            errors.append(f"{at((*base, key))}expected {spec.expected}, found {describe(value)}")
            values[key] = _fresh(spec.default)
    return values, errors


def require(
    data: Mapping[str, Any], fields: Mapping[str, Field], at: Locator, base: PathKey = ()
) -> list[str]:
    """Errors for required fields that are absent (or null) in `data`."""
    return [
        f"{at((*base, key))}is required"
        for key, spec in fields.items()
        if spec.required and data.get(key) is None
    ]


def _fresh(default: Any) -> Any:
    return list(default) if isinstance(default, list) else default


def missing_fields(values: Mapping[str, Any], fields: Mapping[str, Field]) -> list[str]:
    """Sorted names of required fields whose value is absent or empty."""
    return sorted(key for key, spec in fields.items() if spec.required and is_blank(values[key]))


def is_blank(value: Any) -> bool:
    """True for null, text of only invisible characters (as the canonical input trims them,
    so an adapter and the policies agree on what is empty), and empty lists or mappings."""
    if value is None:
        return True
    if isinstance(value, str):
        return not canonical_text(value)
    if isinstance(value, (list, dict)):
        return not value
    return False


# --- conversions --------------------------------------------------------------------------


def to_number(value: Any) -> int | float | None:
    """A finite number from a number or numeric text ("0.91"); None otherwise."""
    if is_number(value):
        return value
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def text_or_none(value: Any) -> str | None:
    """`value` as canonical text when it is non-blank text (numbers become text), else None."""
    if isinstance(value, str):  # the common case first: an SBOM has hundreds of thousands
        return canonical_text(value) or None
    if is_number(value):
        return str(value)
    return None


def sorted_texts(values: Iterable[Any]) -> list[str]:
    """The distinct non-blank texts among `values`, sorted."""
    return sorted({text for text in map(text_or_none, values) if text is not None})


def as_dict(value: Any) -> dict[str, Any]:
    """A mapping as is, anything else as {} (for optional sub-objects of hostile data)."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """A list as is, nothing as [], anything else as a one-item list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


_HASH_NAMES = {
    "md5": "MD5",
    "sha1": "SHA-1",
    "sha256": "SHA-256",
    "sha384": "SHA-384",
    "sha512": "SHA-512",
    "sha3256": "SHA3-256",
    "sha3384": "SHA3-384",
    "sha3512": "SHA3-512",
    "blake2b256": "BLAKE2b-256",
    "blake2b384": "BLAKE2b-384",
    "blake2b512": "BLAKE2b-512",
    "blake3": "BLAKE3",
}


def hash_entry(algorithm: Any, value: Any) -> dict[str, str] | None:
    """`{"alg", "value"}` with the algorithm in CycloneDX spelling (SHA256 -> SHA-256)."""
    alg, digest = text_or_none(algorithm), text_or_none(value)
    if alg is None or digest is None:
        return None
    return {"alg": _hash_name(alg), "value": digest}


@functools.lru_cache(maxsize=256)
def _hash_name(alg: str) -> str:
    """An algorithm's CycloneDX spelling (an SBOM names the same few thousands of times)."""
    return _HASH_NAMES.get(re.sub(r"[^a-z0-9]", "", alg.lower()), alg)


def sorted_hashes(entries: Iterable[dict[str, str] | None]) -> list[dict[str, str]]:
    """Distinct hash entries sorted by algorithm then value."""
    unique = {(e["alg"], e["value"]) for e in entries if e is not None}
    return [{"alg": alg, "value": value} for alg, value in sorted(unique)]
