"""Hypothesis strategies the property tests share: hostile text, junk values, documents built
from the real models (pydantic models and dataclasses), and edits to real documents and files.

`model_values(Model, texts)` reads the model's own fields (types, Literals, patterns, bounds),
so a field added to the manifest or report model is generated without touching this file;
a field of a kind it does not know raises `TypeError` instead of being skipped silently.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import operator
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

import annotated_types
import yaml
from hypothesis import strategies as st
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from engine.core.parsing import ParseError, load_yaml, split_front_matter
from engine.manifest.model import UniqueBy

#: strings that have broken output formats, terminals and parsers elsewhere
HOSTILE_STRINGS = (
    "",
    " ",
    "]]>",
    "<![CDATA[x]]>",
    "<script>alert(1)</script>",
    "&amp; &lt; &#0; &#x1F;",
    "\x00",
    "\x07\x08\x0b\x0c\x1b[31mred\x1b[0m",
    "\x7f\x85\x9f",
    "\ud800",
    "\udfff lone low surrogate",
    "\ufffe\uffff",
    "\u2028\u2029",
    "\u202eevil-right-to-left",
    "\ufeffbom",
    "line one\nline two\r\nline three\rend",
    "%0A%25::error file=x::injected",
    "::warning::\n::error::",
    "| a | b |\n| --- |",
    "`code` **bold** [link](javascript:alert(1))",
    "${{ secrets.TOKEN }}",
    "a,b:c=d",
    "\U0001f600 \U0001d54f é ß 中文 العربية",
    "9" * 5000,
)


def hostile_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """Any text: every code point (controls, surrogates, non-characters), known troublemakers,
    and now and then a very long string."""
    return st.one_of(
        st.sampled_from(HOSTILE_STRINGS),
        st.text(st.characters(exclude_categories=()), max_size=max_size),
        st.text(max_size=max_size),
        st.builds(operator.mul, st.text(min_size=1, max_size=4), st.integers(1_000, 20_000)),
    )


def json_values(text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Any]:
    """Nested JSON-able junk: scalars of every type, huge integers, lists and mappings."""
    text = hostile_text(20) if text is None else text
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.sampled_from([2**63, -(2**63) - 1, 10**100, -(10**300)]),
        st.floats(allow_nan=False, allow_infinity=False),
        text,
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)
        ),
        max_leaves=12,
    )


# --- values from the models ----------------------------------------------------------


@dataclass(frozen=True)
class Texts:
    """How to make text: `free` for unconstrained fields, `alphabet` for patterned ones."""

    free: st.SearchStrategy[str]
    alphabet: st.SearchStrategy[str] | None = None


def model_values(
    model: type[Any],
    texts: Texts,
    overrides: dict[str, st.SearchStrategy[Any]] | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Plain data (by field name) that `model` accepts, nested models included.

    Unconstrained text comes from `texts.free`; a field with a pattern gets text matching it,
    drawn from `texts.alphabet`. Fields with a default are sometimes left out.
    """
    overrides = overrides or {}
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, annotation, constraints, is_required in _fields(model):
        strategy = (
            overrides[name] if name in overrides else _annotation(annotation, texts, constraints)
        )
        (required if is_required else optional)[name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def _fields(model: type[Any]) -> list[tuple[str, Any, tuple, bool]]:
    """Each field of a pydantic model or a dataclass: name, type, constraints, required.
    A dataclass field's bounds are its metadata (`{"ge": 1, "le": 5}`), as pydantic reads."""
    if not dataclasses.is_dataclass(model):
        return [
            (name, info.annotation, tuple(info.metadata), info.is_required())
            for name, info in model.model_fields.items()
        ]
    hints = get_type_hints(model, include_extras=True)
    return [
        (
            field.name,
            hints[field.name],
            tuple(_BOUNDS[key](value) for key, value in field.metadata.items() if key in _BOUNDS),
            field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING,
        )
        for field in dataclasses.fields(model)
    ]


_BOUNDS = {"ge": annotated_types.Ge, "le": annotated_types.Le}


def _annotation(annotation: Any, texts: Texts, constraints: tuple = ()) -> st.SearchStrategy:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        return _annotation(base, texts, (*constraints, *extra))
    if origin is Literal:
        return st.sampled_from(get_args(annotation))
    if origin in (Union, types.UnionType):
        return st.one_of(*(_annotation(arg, texts, constraints) for arg in get_args(annotation)))
    if origin is list:
        (item,) = get_args(annotation)
        unique = next((c for c in constraints if isinstance(c, UniqueBy)), None)
        if unique is None:
            return st.lists(_annotation(item, texts), max_size=3)
        return st.lists(
            _annotation(item, texts),
            max_size=3,
            unique_by=lambda value: unique.key(str(value.get(unique.field, ""))),
        )
    if origin is dict:  # e.g. an evidence record's facts
        key, value = get_args(annotation)
        return st.dictionaries(_annotation(key, texts), _annotation(value, texts), max_size=3)
    if annotation is Any:
        return json_values(texts.free)
    if isinstance(annotation, type) and (
        issubclass(annotation, BaseModel) or dataclasses.is_dataclass(annotation)
    ):
        return model_values(annotation, texts)
    return _scalar(annotation, texts, _flatten(constraints))


def _flatten(constraints: tuple) -> list[Any]:
    """Constraints with `Field(...)` objects (as in `Annotated[int, Field(ge=1)]`) opened up."""
    flat: list[Any] = []
    for item in constraints:
        flat.extend(item.metadata if isinstance(item, FieldInfo) else [item])
    return flat


def _scalar(annotation: Any, texts: Texts, constraints: list[Any]) -> st.SearchStrategy:
    if annotation is type(None):
        return st.none()
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        low = next((c.ge for c in constraints if isinstance(c, annotated_types.Ge)), None)
        high = next((c.le for c in constraints if isinstance(c, annotated_types.Le)), None)
        return st.integers(low, high)
    if annotation is str:
        pattern = next(
            (c.pattern for c in constraints if isinstance(c, StringConstraints) and c.pattern),
            None,
        )
        if pattern is None:
            return texts.free
        return st.from_regex(pattern, fullmatch=True, alphabet=texts.alphabet)
    if annotation is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    if annotation is dt.date:
        return st.dates()
    raise TypeError(f"no strategy for a field of type {annotation!r}: teach tests/strategies.py")


# --- edits to documents ------------------------------------------------------------------

DataPath = tuple[str | int, ...]


def paths(document: Any, prefix: DataPath = ()) -> list[DataPath]:
    """Every path into `document`, the root (an empty path) included."""
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found += paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += paths(value, (*prefix, index))
    return found


def _replace(document: Any, path: DataPath, change: Callable[[Any], Any]) -> Any:
    """A copy of `document` with the value at `path` replaced by `change(value)`."""
    if not path:
        return change(document)
    head, *rest = path
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[head] = _replace(document[head], tuple(rest), change)  # type: ignore[index]
    return copy


def _delete(document: Any, path: DataPath) -> Any:
    parent, last = path[:-1], path[-1]

    def without(container: Any) -> Any:
        if isinstance(container, dict):
            return {key: value for key, value in container.items() if key != last}
        return [value for index, value in enumerate(container) if index != last]

    return _replace(document, parent, without)


EDITS = ("drop", "junk", "wrap", "add-key", "empty")


@st.composite
def mutated(draw: st.DrawFn, document: Any, junk: st.SearchStrategy[Any] | None = None) -> Any:
    """`document` with one to three random edits (`EDITS`): a key or item dropped, a value
    replaced by junk or wrapped in a list, a stray key added, a value emptied."""
    junk = json_values() if junk is None else junk
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(document)))
        edit = draw(st.sampled_from(EDITS))
        if edit == "drop" and path:
            document = _delete(document, path)
        else:
            document = _replace(document, path, _change(edit, draw(hostile_text(12)), draw(junk)))
    return document


def _change(edit: str, key: str, junk: Any) -> Callable[[Any], Any]:
    """What `edit` does to one value; `key` and `junk` are the new key and value it may use."""

    def change(value: Any) -> Any:
        if edit == "wrap":
            return [value]
        if edit == "add-key" and isinstance(value, dict):
            return {**value, key: junk}
        if edit == "empty":
            return type(value)() if isinstance(value, (dict, list)) else None
        return junk

    return change


# --- real files and edits to them ---------------------------------------------------------


@dataclass(frozen=True)
class Seed:
    """A real file: its name and bytes, and its structure when it has one."""

    name: str
    content: bytes
    shape: str  # json | yaml | front-matter | text
    data: Any = None
    body: str = ""

    def written(self, data: Any) -> bytes:
        """`data` written back in this file's shape."""
        if self.shape == "json":
            return json.dumps(data, indent=1).encode()
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        if self.shape == "front-matter":
            text = f"---\n{text}---\n{self.body}"
        return text.encode("utf-8")


def seed(path: Path) -> Seed:
    """The file as a seed; one that does not parse (the samples' INVALID ones) as plain text."""
    content = path.read_bytes()
    try:
        text = content.decode("utf-8")
        if path.suffix == ".json":
            return Seed(path.name, content, "json", json.loads(text))
        if path.suffix in (".yaml", ".yml"):
            return Seed(path.name, content, "yaml", load_yaml(text).data)
        document = split_front_matter(text)
    except (ValueError, ParseError):  # not UTF-8 (a ValueError), not JSON or YAML
        return Seed(path.name, content, "text")
    if document.front_matter is not None:
        front = document.front_matter.data
        return Seed(path.name, content, "front-matter", front, document.body)
    return Seed(path.name, content, "text")


@st.composite
def edited(draw: st.DrawFn, original: Seed) -> tuple[str, bytes]:
    """`original`'s name and new bytes: its structure edited (`mutated`, with junk values and
    hostile text), or a stretch of its bytes replaced by junk."""
    if original.data is not None and draw(st.booleans()):
        junk = st.one_of(json_values(), hostile_text())
        return original.name, original.written(draw(mutated(original.data, junk)))
    content = original.content
    start = draw(st.integers(0, len(content)))
    end = draw(st.integers(start, min(len(content), start + 64)))
    splice = draw(st.one_of(st.binary(max_size=16), st.sampled_from([b"\x00", b"\xff", b"{"])))
    return original.name, content[:start] + splice + content[end:]
