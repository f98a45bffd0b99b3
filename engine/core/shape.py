"""Plain data checked into frozen dataclasses, without pydantic (kept off `check`'s path).

`from_data(Cls, data)` builds a `Cls` from JSON or YAML data, fields by name, as strictly as
a schema would: an object with every required field and no unknown one, each value of its
declared type with no coercion. The types it reads are those the models use: str, int, bool,
None, Literal, unions, lists, `dict[str, X]`, Any and nested dataclasses. Constraints are
field metadata, in the names pydantic's `Field` takes (so pydantic reads them too, where it
builds a schema from the same class): `ge`, `le`, `pattern`, `min_length`; or a `Rule` in
`Annotated[...]`, which also constrains the items of a list (`list[Annotated[str, Rule(...)]]`).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields, is_dataclass
from types import NoneType, UnionType
from typing import Any, Literal, TypeVar

_T = TypeVar("_T")
_HINTS: dict[type, dict[str, Any]] = {}


class ShapeError(ValueError):
    """Data that does not fit the model it should fill."""


@dataclass(frozen=True)
class Rule:
    """Constraints on one value: bounds for a number; a pattern the whole text must match and
    a least length for text; a least length for a list."""

    ge: int | None = None
    le: int | None = None
    pattern: str | None = None
    min_length: int | None = None


def from_data(cls: type[_T], data: Any) -> _T:
    """`data` as a `cls` (a dataclass), checked; `ShapeError` says where it does not fit."""
    return _instance(cls, data, cls.__name__)


def _instance(cls: type[_T], data: Any, where: str) -> _T:
    if not isinstance(data, dict):
        raise ShapeError(f"{where}: expected an object, got {_kind(data)}")
    specs = {spec.name: spec for spec in fields(cls)}  # type: ignore[arg-type]
    unknown = [key for key in data if key not in specs]
    if unknown:
        raise ShapeError(f"{where}: unknown field {str(unknown[0])!r}")
    hints = _hints(cls)
    values = {}
    for name, spec in specs.items():
        if name in data:
            rule = Rule(**spec.metadata) if spec.metadata else None
            values[name] = _checked(hints[name], data[name], f"{where}.{name}", rule)
        elif spec.default is MISSING and spec.default_factory is MISSING:
            raise ShapeError(f"{where}.{name}: missing")
    return cls(**values)


def _checked(annotation: Any, value: Any, where: str, rule: Rule | None = None) -> Any:
    """`value` if it has type `annotation` (and keeps `rule`), nested dataclasses built."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        marked = next((arg for arg in annotation.__metadata__ if isinstance(arg, Rule)), rule)
        return _checked(args[0], value, where, marked)
    if annotation is Any:
        return value
    if origin is Literal:
        if any(type(value) is type(arg) and value == arg for arg in args):
            return value
        raise ShapeError(f"{where}: expected one of {list(args)}, got {value!r}"[:200])
    if origin is UnionType or origin is typing.Union:
        return _one_of(args, value, where, rule)
    if origin is list and isinstance(value, list):
        _kept(rule, len(value), where)
        return [_checked(args[0], item, f"{where}[{i}]") for i, item in enumerate(value)]
    if origin is dict and isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {key: _checked(args[1], item, f"{where}.{key}") for key, item in value.items()}
    if isinstance(annotation, type) and is_dataclass(annotation):
        return _instance(annotation, value, where)
    if annotation in (bool, NoneType) and type(value) is annotation:
        return value
    if annotation is str and type(value) is str:
        return _text(value, where, rule)
    if annotation is int and type(value) is int:
        return _number(value, where, rule)
    raise ShapeError(f"{where}: expected {_name(annotation)}, got {_kind(value)}")


def _one_of(args: tuple[Any, ...], value: Any, where: str, rule: Rule | None) -> Any:
    """The first of `args` that `value` fits; if it fits none but is of the kind of one (an
    object for a dataclass, say), that one's complaint, which says what inside is wrong."""
    errors = []
    for arg in args:
        try:
            return _checked(arg, value, where, rule)
        except ShapeError as exc:
            errors.append(exc)
    specific = [exc for exc in errors if not str(exc).startswith(f"{where}: expected ")]
    if len(specific) == 1:
        raise specific[0]
    raise ShapeError(f"{where}: expected {' or '.join(map(_name, args))}, got {_kind(value)}")


def _number(value: int, where: str, rule: Rule | None) -> int:
    low, high = (rule.ge, rule.le) if rule is not None else (None, None)
    if (low is not None and value < low) or (high is not None and value > high):
        raise ShapeError(f"{where}: {value} is not between {low} and {high}")
    return value


def _text(value: str, where: str, rule: Rule | None) -> str:
    if rule is not None:
        _kept(rule, len(value), where)
        if rule.pattern is not None and re.fullmatch(rule.pattern, value) is None:
            raise ShapeError(f"{where}: {value!r} does not match {rule.pattern!r}"[:300])
    return value


def _kept(rule: Rule | None, length: int, where: str) -> None:
    if rule is not None and rule.min_length is not None and length < rule.min_length:
        raise ShapeError(f"{where}: shorter than {rule.min_length}")


def _hints(cls: type) -> Mapping[str, Any]:
    """The field types of `cls`, resolved once a class."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls, include_extras=True)
    return hints


def _name(annotation: Any) -> str:
    if annotation is NoneType:
        return "null"
    return getattr(annotation, "__name__", None) or str(annotation)


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__
